using System.Diagnostics;
using System.Globalization;
using System.Text;
using Gulou.Events.Client;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;

// Reports the same number of activities three ways against a running service, in one run, and prints what each
// costs: one call per activity (in turn, then 8 at a time), batches of 1,000, and one CSV import.
//   bulk-bench --url URL --key PARTNER_KEY [--activities N]
var url = Arg("--url") ?? throw new ArgumentException("--url is required");
var key = Arg("--key") ?? throw new ArgumentException("--key is required");
var count = int.Parse(Arg("--activities") ?? "5000", CultureInfo.InvariantCulture);
var run = DateTimeOffset.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
using var http = new HttpClient { BaseAddress = new Uri(url.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(10) };
var gulou = new GulouClient(http, key);

ReportActivity Report(string phase, int i) => new(
    $"{run}-{phase}-{i:000000}", "competition", $"青少年科技创新大赛 第{i}场", new DateOnly(2023, 1, 1).AddDays(i % 365),
    Venue: "福州市鼓楼区科技馆", Attendance: new AudienceCounts(Youth: 1 + (i % 300), Public: i % 7));

// Warm-up: the first calls pay for connections and code paths that every later call reuses.
for (var i = 0; i < 50; i++)
{
    await gulou.Activities.ReportAsync(Report("warm", i));
}

await gulou.Activities.ReportBatchAsync(new ReportBatch(Enumerable.Range(50, 100).Select(i => (ReportActivity?)Report("warm", i)).ToList()));

var results = new List<(string Way, TimeSpan Elapsed, int Requests)>();
async Task MeasureAsync(string way, int requests, Func<Task> work)
{
    var watch = Stopwatch.StartNew();
    await work();
    results.Add((way, watch.Elapsed, requests));
    Console.WriteLine($"  {way}: {watch.Elapsed.TotalSeconds:0.00} s");
}

Console.WriteLine($"reporting {count} activities each way against {url}");
await MeasureAsync("single calls, one at a time", count, async () =>
{
    for (var i = 0; i < count; i++)
    {
        await gulou.Activities.ReportAsync(Report("single", i));
    }
});
await MeasureAsync("single calls, 8 at a time", count, () => Parallel.ForEachAsync(
    Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) => await gulou.Activities.ReportAsync(Report("parallel", i), token)));
await MeasureAsync($"batches of {ReportBatch.MaxItems}", (count + ReportBatch.MaxItems - 1) / ReportBatch.MaxItems, async () =>
{
    foreach (var chunk in Enumerable.Range(0, count).Chunk(ReportBatch.MaxItems))
    {
        var result = await gulou.Activities.ReportBatchAsync(new ReportBatch(chunk.Select(i => (ReportActivity?)Report("batch", i)).ToList()));
        Expect(result.Counts.Created == chunk.Length, $"a batch created {result.Counts.Created} of {chunk.Length}");
    }
});
await MeasureAsync("one CSV import", 1, async () =>
{
    var csv = new StringBuilder("externalRef,kind,title,occurredOn,venue,youth,public\r\n");
    foreach (var r in Enumerable.Range(0, count).Select(i => Report("import", i)))
    {
        csv.Append(CultureInfo.InvariantCulture, $"{r.ExternalRef},{r.Kind},{r.Title},{r.OccurredOn:yyyy-MM-dd},{r.Venue},{r.Attendance!.Youth},{r.Attendance.Public}\r\n");
    }

    var result = await gulou.Activities.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())));
    Expect(result.Counts.Created == count, $"the import created {result.Counts.Created} of {count}");
});

var single = results[0].Elapsed;
Console.WriteLine();
Console.WriteLine($"| way ({count} activities) | requests | total | per activity | activities/s | speed-up |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
foreach (var (way, elapsed, requests) in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {way} | {requests} | {elapsed.TotalSeconds:0.00} s | {elapsed.TotalMilliseconds / count:0.00} ms | {count / elapsed.TotalSeconds:0} | {single / elapsed:0.0}× |"));
}

string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

static void Expect(bool condition, string failure)
{
    if (!condition)
    {
        throw new InvalidOperationException(failure);
    }
}
