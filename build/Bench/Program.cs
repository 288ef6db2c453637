using System.Globalization;
using Gulou.Events.Bench;

// The benchmark's seeder: gulou-bench seed --api URL --admin-key KEY --events N
// Prints one line of figures: activities, amended, batch seconds, total seconds, batch events/s.
string Value(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
if (args.FirstOrDefault() != "seed")
{
    Console.Error.WriteLine("usage: seed --api URL --admin-key KEY --events N");
    return 2;
}

using var api = new Api(Value("--api", "http://127.0.0.1:5080"));
var events = long.Parse(Value("--events", "50000"), CultureInfo.InvariantCulture);
var report = await new Seeder(api, Value("--admin-key", "")).SeedAsync(events, Console.Error.WriteLine);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{report.Activities} {report.Amended} {report.BatchSeconds:0.00} {report.TotalSeconds:0.00} {report.Activities / report.BatchSeconds:0}"));
return 0;
