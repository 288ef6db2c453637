using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Persons;
using Marten;

namespace Gulou.Events.Api.Designations;

/// <summary>Designations that responsible units award and revoke: certified communities, science bases, model-worker studios and backbone teachers; a subject is one record however often designated.</summary>
public static class DesignationsModule
{
    public static IServiceCollection AddDesignations(this IServiceCollection services) =>
        services.AddRecord<DesignationRecord>(opts => opts.Schema.For<DesignationRecord>().Duplicate(d => d.Kind))
            .AddSingleton<IHoldsPersons, DesignationHoldings>();
}
