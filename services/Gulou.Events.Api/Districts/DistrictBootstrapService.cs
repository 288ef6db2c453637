using Gulou.Events.Api.Infrastructure.Hosting;
using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Tenants;
using Gulou.Events.Contracts.Districts;
using Marten;

namespace Gulou.Events.Api.Districts;

/// <summary>
/// At start-up, waiting for the database for up to a minute: registers the districts that hold data but are not
/// registered yet (the first start of a deployment that predates the registry), registers and bootstraps the default
/// district, and assigns every registered district the database the registry names.
/// </summary>
public sealed partial class DistrictBootstrapService(
    IDocumentStore store, DistrictRegistry registry, DistrictDatabases databases, DistrictPlans plans, CurrentPlan plan, GulouSettings settings,
    ILogger<DistrictBootstrapService> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(1);
        while (true)
        {
            try
            {
                await BootstrapAsync(cancellationToken);
                return;
            }
            catch (Npgsql.NpgsqlException e) when (e.IsTransient && DateTimeOffset.UtcNow < deadline)
            {
                LogWaiting(logger, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task BootstrapAsync(CancellationToken cancellation)
    {
        var registered = await registry.ListAsync(cancellation);
        if (registered.Count == 0)
        {
            await AdoptAsync(cancellation);
        }

        var database = await databases.AssignedAsync(settings.DefaultTenant, cancellation) ?? DistrictTenancy.Main;
        await registry.RegisterAsync(new DistrictRegistered(settings.DefaultTenant, settings.DefaultDistrictName, database, plans.Default), cancellation);
        await TenantBootstrap.EnsureAsync(store, plan, settings.DefaultTenant, settings.AdminKey, logger, cancellation);
        await AssignAsync(cancellation);
    }

    /// <summary>Districts written before the registry existed all live in the main database; each is registered under its code.</summary>
    private async Task AdoptAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var schema = store.Options.Events.DatabaseSchemaName;
        var tenants = await session.AdvancedSql.QueryAsync<string>(
            $"select distinct tenant_id from {schema}.mt_streams where tenant_id <> ? order by tenant_id", cancellation, JasperFx.StorageConstants.DefaultTenantId);
        foreach (var tenant in tenants.Where(t => t != settings.DefaultTenant))
        {
            var database = await databases.AssignedAsync(tenant, cancellation) ?? DistrictTenancy.Main;
            if (await registry.RegisterAsync(new DistrictRegistered(tenant, tenant, database, plans.Default), cancellation))
            {
                LogAdopted(logger, tenant);
            }
        }
    }

    /// <summary>The registry names each district's database; an assignment that says otherwise (a move cut short) is corrected.</summary>
    private async Task AssignAsync(CancellationToken cancellation)
    {
        foreach (var district in await registry.ListAsync(cancellation))
        {
            if (await databases.AssignedAsync(district.Code, cancellation) != district.Database)
            {
                await databases.AssignAsync(district.Code, district.Database, cancellation);
                LogAssigned(logger, district.Code, district.Database);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Waiting for the database to bootstrap the districts: {Message}")]
    private static partial void LogWaiting(ILogger logger, string message);

    [LoggerMessage(LogLevel.Information, "Registered district {District}, which held data before the registry existed")]
    private static partial void LogAdopted(ILogger logger, string district);

    [LoggerMessage(LogLevel.Warning, "Assigned district {District} to database {Database}, as the registry says")]
    private static partial void LogAssigned(ILogger logger, string district, string database);
}
