using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;

// Reports activities as fast as it can through several service nodes, round robin, and writes the fate of every
// request: the fault script then checks that every acknowledged report is stored exactly once.
//   report --nodes URL[,URL…] --key KEY --seconds N [--concurrency C] [--out FILE] [--prefix P]
var options = Options.Parse(args);
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(5), ConnectTimeout = TimeSpan.FromSeconds(2) })
{
    Timeout = TimeSpan.FromSeconds(10),
};
http.DefaultRequestHeaders.Add("X-Api-Key", options.Key);

var outcomes = new ConcurrentQueue<string>();
var counts = new ConcurrentDictionary<string, int>();
var sent = 0;
var deadline = Stopwatch.StartNew();
var days = Enumerable.Range(0, 5 * 365).Select(d => new DateOnly(2021, 1, 1).AddDays(d)).ToArray();

await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async worker =>
{
    var random = new Random(worker);
    for (var i = 0; deadline.Elapsed.TotalSeconds < options.Seconds; i++)
    {
        var reference = $"{options.Prefix}-{worker}-{i}";
        var node = options.Nodes[(worker + i) % options.Nodes.Count];
        var report = new ReportActivity(reference, "competition", $"竞赛 {reference}", days[random.Next(days.Length)],
            Attendance: new AudienceCounts(Youth: 1 + random.Next(300)));
        Interlocked.Increment(ref sent);
        var started = Stopwatch.GetTimestamp();
        string outcome;
        try
        {
            using var response = await http.PostAsJsonAsync($"{node}/api/v1/activities", report, json);
            var body = await response.Content.ReadAsStringAsync();
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            var code = problem ? JsonDocument.Parse(body).RootElement.GetProperty("code").GetString() : "";
            var id = response.IsSuccessStatusCode ? JsonDocument.Parse(body).RootElement.GetProperty("id").GetString() : "";
            outcome = $"{(int)response.StatusCode}\t{id}\t{(response.IsSuccessStatusCode || problem ? code : "no-problem-body")}";
            counts.AddOrUpdate(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), 1, (_, c) => c + 1);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            outcome = $"0\t\t{e.GetType().Name}";
            counts.AddOrUpdate("no-answer", 1, (_, c) => c + 1);
            await Task.Delay(100);
        }

        outcomes.Enqueue($"{reference}\t{outcome}\t{Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.0}\t{node}");
    }
}));

if (options.Out is { } file)
{
    await File.WriteAllLinesAsync(file, outcomes);
}

Console.WriteLine($"sent {sent} in {deadline.Elapsed.TotalSeconds:0.0} s: " + string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key}: {c.Value}")));

internal sealed record Options(IReadOnlyList<string> Nodes, string Key, double Seconds, int Concurrency, string? Out, string Prefix)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var nodes = (Value("--nodes") ?? throw new ArgumentException("--nodes is required")).Split(',', StringSplitOptions.RemoveEmptyEntries);
        return new Options(
            nodes,
            Value("--key") ?? throw new ArgumentException("--key is required"),
            double.Parse(Value("--seconds") ?? "10", CultureInfo.InvariantCulture),
            int.Parse(Value("--concurrency") ?? "8", CultureInfo.InvariantCulture),
            Value("--out"),
            Value("--prefix") ?? $"load-{DateTimeOffset.UtcNow:yyyyMMddHHmmss}");
    }
}
