using Gulou.Events.Api.Activities;
using Gulou.Events.Api.Designations;
using Gulou.Events.Api.Districts;
using Gulou.Events.Api.Indicators;
using Gulou.Events.Api.Progress;
using Gulou.Events.Api.Projections;
using Gulou.Events.Api.Reviews;
using Gulou.Events.Api.Volunteers;
using Gulou.Events.Api.Infrastructure.Hosting;
using Gulou.Events.Api.Institutions;
using Gulou.Events.Api.Persons;
using Gulou.Events.Api.Plan;
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
    /// database it is assigned to.
    /// </summary>
    public static IServiceCollection AddGulouMarten(this IServiceCollection services, GulouSettings settings, CurrentPlan plan)
    {
        var marten = services.AddMarten(opts =>
            {
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

                opts.ConfigureDistricts();
                opts.ConfigurePlan();
                opts.ConfigureInstitutions();
                opts.ConfigureActivities();
                opts.ConfigureDesignations();
                opts.ConfigureVolunteers();
                opts.ConfigurePersons();
                opts.ConfigureIndicators();
                opts.ConfigureProgress(plan);
                opts.ConfigureReviews();
                opts.ConfigureProjectionOperations();
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
