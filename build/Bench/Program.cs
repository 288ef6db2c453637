using System.Globalization;
using Gulou.Events.Bench;

// The benchmark's seeder and batch load, driven by build/bench.sh. Both keep the institutions they registered in a
// state file, so that a history is seeded in steps (100,000 events, then on to 1,000,000) by the same partners.
//   gulou-bench seed    --api URL --admin-key KEY --state FILE --run NAME --events N --institutions P
//       adds N events (4/5 reports in batches, 1/5 amendments) from P partners in all (registering the missing ones);
//       prints: activities amended batch-seconds total-seconds batch-events/s partners
//   gulou-bench batches --api URL --state FILE --run NAME --batches N [--concurrency C]
//       sends N batches of 1,000 new activities, C at a time; prints: created other seconds created/s
//   gulou-bench partners --api URL --admin-key KEY --state FILE --run NAME --institutions P
//       registers partners (with a key each) until the state holds P; prints: partners
string Value(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
long Number(string name, string fallback) => long.Parse(Value(name, fallback), CultureInfo.InvariantCulture);
var command = args.FirstOrDefault();
if (command is not ("seed" or "batches" or "partners"))
{
    Console.Error.WriteLine("usage: seed|batches|partners --api URL --state FILE --run NAME …");
    return 2;
}

using var api = new Api(Value("--api", "http://127.0.0.1:5080"));
var seeder = new Seeder(api, Value("--admin-key", ""), SeedState.Load(Value("--state", "bench-state.json")), Value("--run", "r"));
if (command == "seed")
{
    var report = await seeder.SeedAsync(Number("--events", "50000"), (int)Number("--institutions", "100"), Console.Error.WriteLine);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{report.Activities} {report.Amended} {report.BatchSeconds:0.00} {report.TotalSeconds:0.00} {report.Activities / report.BatchSeconds:0} {report.Partners}"));
}
else if (command == "partners")
{
    Console.WriteLine(await seeder.PartnersAsync((int)Number("--institutions", "4")));
}
else
{
    var load = await seeder.BatchesAsync((int)Number("--batches", "10"), (int)Number("--concurrency", "4"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{load.Created} {load.Other} {load.Seconds:0.00} {load.Created / load.Seconds:0}"));
}

return 0;
