using Gulou.Events.Api.Infrastructure.Hosting;
using JasperFx;
using JasperFx.Events;
using JasperFx.MultiTenancy;
using Marten;
using Weasel.Core;
using Wolverine.Marten;

namespace Gulou.Events.Api.Infrastructure.Persistence;

public static class MartenSetup
{
    /// <summary>
    /// One PostgreSQL schema holds the event log, the projections and Wolverine's inbox/outbox, in each database of
    /// the pool. Events and documents are conjoined-tenanted: each district (tenant) sees only its own, in the
    /// database it is assigned to. Each slice maps its own events and documents from its module
    /// (<c>services.ConfigureMarten</c>), so this setup knows none of them.
    /// </summary>
    public static IServiceCollection AddGulouMarten(this IServiceCollection services, GulouSettings settings)
    {
        var marten = services.AddMarten(opts =>
            {
                opts.DataSourceFactory(PreparedStatements.Factory());
                DistrictTenancy.Use(opts, settings.ConnectionString, settings.Databases, settings.DatabaseSchema);
                opts.DatabaseSchemaName = settings.DatabaseSchema;
                opts.AutoCreateSchemaObjects = settings.AutoCreateSchema ? AutoCreate.CreateOrUpdate : AutoCreate.None;
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);

                opts.Events.StreamIdentity = StreamIdentity.AsGuid;
                opts.Events.TenancyStyle = TenancyStyle.Conjoined;
                opts.Policies.AllDocumentsAreMultiTenanted();
                opts.Events.MetadataConfig.CorrelationIdEnabled = true;
                opts.Events.MetadataConfig.CausationIdEnabled = true;
                opts.Events.MetadataConfig.UserNameEnabled = true;
                opts.Events.MetadataConfig.HeadersEnabled = true;
            })
            .UseLightweightSessions()
            .AddAsyncDaemon(settings.Daemon)
            .IntegrateWithWolverine(w => w.MainDatabaseConnectionString = settings.ConnectionString);
        services.AddSingleton<DistrictDatabases>();
        if (settings.AutoCreateSchema)
        {
            // At start-up rather than on a first request, so that concurrent first requests race on no DDL.
            marten.ApplyAllDatabaseChangesOnStartup();
        }

        return services;
    }
}
