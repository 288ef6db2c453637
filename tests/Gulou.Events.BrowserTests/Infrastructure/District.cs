using System.Net;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Institutions;

namespace Gulou.Events.BrowserTests.Infrastructure;

/// <summary>A district of its own for one test class, set up over the API.</summary>
public sealed class District(Uri address, string adminKey, string name)
{
    public ApiClient Admin { get; } = new(address, adminKey);

    /// <summary>The name it was created with, which the dashboard's header shows.</summary>
    public string Name { get; } = name;

    public async Task<Actor> RegisterAsync(string name, Role role, InstitutionKind kind, string? unitCode = null, IReadOnlyList<SchoolStage>? stages = null)
    {
        var institution = await Admin.PostAsync<InstitutionDto>("/api/v1/institutions", new RegisterInstitution(name, kind, role, unitCode, SchoolStages: stages), HttpStatusCode.Created);
        var key = await Admin.PostAsync<IssuedKey>($"/api/v1/institutions/{institution.Id}/keys", null, HttpStatusCode.Created);
        return new Actor(institution.Id, name, key.KeyId, new ApiClient(address, key.Key));
    }

    public Task<Actor> PartnerAsync(string name) => RegisterAsync(name, Role.Partner, InstitutionKind.University);

    public Task<Actor> SchoolAsync(string name, params SchoolStage[] stages) => RegisterAsync(name, Role.Partner, InstitutionKind.School, stages: stages);

    public Task<Actor> UnitAsync(string unitCode, string name) => RegisterAsync(name, Role.Unit, InstitutionKind.Government, unitCode);

    public Task<Actor> AuditorAsync() => RegisterAsync("区审计局", Role.Auditor, InstitutionKind.Government);
}

/// <summary>An institution of the district, holding one key.</summary>
public sealed record Actor(Guid InstitutionId, string Name, Guid KeyId, ApiClient Api)
{
    public string Key => Api.Key;

    public Task<ActivityDto> ReportAsync(string externalRef, string kind, string occurredOn, AudienceCounts attendance, string title = "科普活动", Guid? host = null) =>
        Api.PostAsync<ActivityDto>("/api/v1/activities", new ReportActivity(externalRef, kind, title, DateOnly.Parse(occurredOn, System.Globalization.CultureInfo.InvariantCulture),
            Attendance: attendance, HostInstitutionId: host), HttpStatusCode.Created);

    public Task<ActivityDto> AmendAsync(ActivityDto activity, string action, object body) =>
        Api.PostAsync<ActivityDto>($"/api/v1/activities/{activity.Id}/{action}", body, HttpStatusCode.OK);
}
