using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Gulou.Events.BrowserTests.Infrastructure;

/// <summary>
/// The whole service on a real loopback port (Kestrel, a free port), so that a browser can reach it: the same
/// settings as the integration tests' host, on a schema of its own.
/// </summary>
public sealed class ServiceHost(string connectionString) : WebApplicationFactory<Program>
{
    public const string PersonKeySecret = "browser-test-person-key-secret";

    public static readonly string SuperAdminKey = Gulou.Events.Api.Infrastructure.Security.ApiKeys.Generate();

    public Uri Address { get; private set; } = null!;

    public static ServiceHost Start(string connectionString)
    {
        var host = new ServiceHost(connectionString);
        host.UseKestrel(0);
        host.StartServer();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.Address = new Uri(address);
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("ConnectionStrings:Gulou", connectionString);
        builder.UseSetting("Gulou:Daemon", "Solo");
        builder.UseSetting("Gulou:DatabaseSchema", "gulou_browser");
        builder.UseSetting("Gulou:PersonKeySecret", PersonKeySecret);
        builder.UseSetting("Gulou:PersonMasterKey", "browser-test-person-master-key");
        builder.UseSetting("Gulou:SuperAdminKey", SuperAdminKey);
        builder.ConfigureServices(services =>
        {
            services.DisableAllExternalWolverineTransports();
        });
    }
}
