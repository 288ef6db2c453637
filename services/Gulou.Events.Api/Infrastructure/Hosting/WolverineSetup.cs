using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Infrastructure.Validation;
using JasperFx;
using JasperFx.CodeGeneration;
using Marten;
using Wolverine;
using Wolverine.Http;

namespace Gulou.Events.Api.Infrastructure.Hosting;

public static class WolverineSetup
{
    /// <summary>
    /// Wolverine for HTTP endpoints only: the service handles no messages, so it runs as a mediator, without the
    /// node agents, leader election and inbox/outbox polling of its durability modes (the projection daemon's
    /// distribution over nodes is Marten's own, by advisory lock), and without scanning every deployed assembly
    /// for extensions at start.
    /// </summary>
    public static IHostBuilder UseGulouWolverine(this IHostBuilder host, IConfiguration configuration) => host.UseWolverine(opts =>
    {
        opts.ServiceName = "gulou-events";
        opts.ApplicationAssembly = typeof(WolverineSetup).Assembly;
        opts.Durability.Mode = DurabilityMode.MediatorOnly;
        // No automatic transactions: every write endpoint saves its own session once (after its checks and the
        // closed-year lock), so a generated handler never saves a second time.
        opts.CodeGeneration.TypeLoadMode = CodegenMode(configuration);
#if DEBUG
        // Found by extension discovery otherwise: Debug builds compile missing handler code at run time.
        opts.UseRuntimeCompilation();
#endif
        if (!GulouSettings.From(configuration).AutoCreateSchema)
        {
            // Wolverine's inbox, outbox and node tables are migrated by db-apply together with Marten's.
            opts.AutoBuildMessageStorageOnStartup = AutoCreate.None;
        }

        if (configuration["Gulou:GeneratedCodeOutputPath"] is { Length: > 0 } output)
        {
            // Lets the test of the committed generated code write a fresh copy elsewhere to compare.
            opts.CodeGeneration.GeneratedCodeOutputPath = output;
        }
    }, ExtensionDiscovery.ManualOnly);

    public static IEndpointRouteBuilder MapGulouEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapWolverineEndpoints(opts =>
        {
            opts.AddParameterHandlingStrategy<CallerParameterStrategy>();
            opts.AddPolicy<RequestValidationPolicy>();
            opts.TenantId.IsClaimTypeNamed(GulouClaims.Tenant);
            opts.RejectUnparseableQueryValues = true;
            opts.AddMiddleware(typeof(EventMetadataMiddleware), chain => chain.Method.Method.GetParameters().Any(p => p.ParameterType == typeof(IDocumentSession)));
        });
        return app;
    }

    /// <summary>
    /// Release builds load the handler code generated ahead of time (build/codegen.sh) and ship no compiler;
    /// Debug builds compile whatever is missing at run time.
    /// </summary>
    private static TypeLoadMode CodegenMode(IConfiguration configuration)
    {
        if (Enum.TryParse<TypeLoadMode>(configuration["Gulou:CodegenMode"], ignoreCase: true, out var mode))
        {
            return mode;
        }
#if DEBUG
        return TypeLoadMode.Auto;
#else
        return TypeLoadMode.Static;
#endif
    }
}
