using System.Diagnostics;
using Gulou.Events.Tests;

namespace Gulou.Events.IntegrationTests.Infrastructure;

/// <summary>The service's command line in a process of its own, against the fixture's database and schema.</summary>
public static class ServiceCommand
{
    /// <summary>Runs the command; returns its exit code and what it printed.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(AppFixture app, params string[] args) => RunAsync(app, new Dictionary<string, string>(), args);

    /// <summary>Runs the command with more environment variables (settings such as <c>Gulou__PersonMasterKey</c>).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(AppFixture app, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Combine("services", "Gulou.Events.Api"),
        };
        start.Environment["ConnectionStrings__Gulou"] = app.ConnectionString;
        start.Environment["Gulou__DatabaseSchema"] = AppFixture.Schema;
        start.Environment["Gulou__Daemon"] = "Disabled";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var printed = await output + await error;
        Console.WriteLine(printed);
        return (process.ExitCode, printed);
    }
}
