using System.Net;
using Gulou.Events.Contracts.Districts;
using Gulou.Events.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Gulou.Events.BrowserTests.Infrastructure;

/// <summary>
/// The service on a real port and Debian's Chromium, headless, driven by Playwright. Playwright's own browser
/// download cannot work here, so the tests use the system's browser (build/test.sh installs it).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    // Without the background-networking flags Chromium keeps dialling out, which a closed network refuses.
    private static readonly string[] ChromiumFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private IAsyncDisposable? _container;
    private ServiceHost? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public Uri Address => (_host ?? throw new InvalidOperationException("The service has not started.")).Address;

    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"The browser tests drive Debian's Chromium at {Chromium}: install the chromium package (build/test.sh does).");
        }

        Directory.CreateDirectory(Screenshots);
        (var connectionString, _container) = await TestDatabase.AcquireAsync();
        _host = ServiceHost.Start(connectionString);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ChromiumFlags });
    }

    /// <summary>A fresh district, created over the API, with its plan recorded and an administrator key.</summary>
    public async Task<District> NewDistrictAsync()
    {
        var code = "b" + Guid.NewGuid().ToString("N")[..12];
        using var superAdministrator = new ApiClient(Address, ServiceHost.SuperAdminKey);
        var created = await superAdministrator.PostAsync<DistrictCreated>("/api/v1/admin/districts", new CreateDistrict(code, $"浏览器测试区 {code[^4..]}"), HttpStatusCode.Created);
        return new District(Address, created.AdministratorKey.Key, created.District.Name);
    }

    public Task<DashboardPage> OpenDashboardAsync() => DashboardPage.OpenAsync(Browser, Address);

    /// <summary>The partners' /report or the units' /verify on a phone-sized screen.</summary>
    public Task<DeskPage> OpenDeskAsync(string path) => DeskPage.OpenAsync(Browser, Address, path);

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
