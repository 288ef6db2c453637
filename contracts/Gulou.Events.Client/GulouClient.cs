using Gulou.Events.Client.Resources;

namespace Gulou.Events.Client;

/// <summary>
/// A typed client of the Gulou.Events API for one key. Each resource of the API is a property; <see cref="Api"/>
/// reaches any route, including one this version of the client has no method for.
/// </summary>
/// <example><code>
/// var http = new HttpClient { BaseAddress = new Uri("https://events.example.org/") };
/// var gulou = new GulouClient(http, partnerKey);
/// var result = await gulou.Activities.ReportBatchAsync(new ReportBatch(reports));
/// </code></example>
public sealed class GulouClient
{
    public GulouClient(HttpClient http, string apiKey)
    {
        Api = new ApiConnection(http, apiKey);
        Plan = new PlanClient(Api);
        Districts = new DistrictsClient(Api);
        Cities = new CitiesClient(Api);
        Institutions = new InstitutionsClient(Api);
        Activities = new ActivitiesClient(Api);
        Designations = new DesignationsClient(Api);
        Volunteers = new VolunteersClient(Api);
        Persons = new PersonsClient(Api);
        Indicators = new IndicatorsClient(Api);
        Progress = new ProgressClient(Api);
        Reviews = new ReviewsClient(Api);
        Projections = new ProjectionsClient(Api);
    }

    public ApiConnection Api { get; }

    public PlanClient Plan { get; }

    /// <summary>The key's own district, and, with the super-administrator's key, creating and listing districts.</summary>
    public DistrictsClient Districts { get; }

    /// <summary>With the super-administrator's key, cities and their auditors' keys; with a city auditor's key, the city's progress.</summary>
    public CitiesClient Cities { get; }

    /// <summary>Institutions, units and their keys (issuing and revoking keys included).</summary>
    public InstitutionsClient Institutions { get; }

    public ActivitiesClient Activities { get; }

    public DesignationsClient Designations { get; }

    public VolunteersClient Volunteers { get; }

    public PersonsClient Persons { get; }

    public IndicatorsClient Indicators { get; }

    public ProgressClient Progress { get; }

    public ReviewsClient Reviews { get; }

    public ProjectionsClient Projections { get; }
}
