using System.Net;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Institutions;
using Marten;

namespace Gulou.Events.IntegrationTests.Infrastructure;

/// <summary>A district of its own for one test, with helpers that set up the "given" part over the API.</summary>
public sealed class District(AppFixture app, string tenantId, string adminKey)
{
    public string TenantId { get; } = tenantId;

    public Actor Admin { get; } = new(app, Guid.Empty, adminKey);

    public async Task<Actor> RegisterAsync(
        string name, Role role, InstitutionKind kind = InstitutionKind.Other, string? unitCode = null, IReadOnlyList<string>? leads = null, IReadOnlyList<SchoolStage>? stages = null)
    {
        var institution = (await Admin.PostAsync("/api/v1/institutions", new RegisterInstitution(name, kind, role, unitCode, leads, stages)))
            .ShouldBe(HttpStatusCode.Created).As<InstitutionDto>();
        var key = (await Admin.PostAsync($"/api/v1/institutions/{institution.Id}/keys")).ShouldBe(HttpStatusCode.Created).As<IssuedKey>();
        return new Actor(app, institution.Id, key.Key);
    }

    public Task<Actor> PartnerAsync(string name = "福州大学") => RegisterAsync(name, Role.Partner, InstitutionKind.University);

    /// <summary>A school teaching the stages given (a partner: it reports its own activities).</summary>
    public Task<Actor> SchoolAsync(string name, params SchoolStage[] stages) => RegisterAsync(name, Role.Partner, InstitutionKind.School, stages: stages);

    public Task<Actor> AuditorAsync(string name = "区审计局") => RegisterAsync(name, Role.Auditor, InstitutionKind.Government);

    public Task<Actor> UnitAsync(string unitCode, string? name = null) => RegisterAsync(name ?? $"unit {unitCode}", Role.Unit, InstitutionKind.Government, unitCode);

    /// <summary>How many events the district's log holds: a refused request must leave it unchanged.</summary>
    public async Task<int> EventCountAsync()
    {
        await using var session = app.Store.QuerySession(TenantId);
        return await session.Events.QueryAllRawEvents().CountAsync();
    }
}

/// <summary>An institution of the district, holding one of its keys.</summary>
public sealed class Actor(AppFixture app, Guid institutionId, string key)
{
    private readonly ApiClient _client = new(app.Host, key);

    public Guid InstitutionId { get; } = institutionId;

    public string Key { get; } = key;

    public Task<ApiResponse> GetAsync(string url, IDictionary<string, string>? headers = null) => _client.GetAsync(url, headers);

    public Task<ApiResponse> PostAsync(string url, object? body = null, IDictionary<string, string>? headers = null) => _client.PostAsync(url, body, headers);

    public Task<ApiResponse> PostRawAsync(string url, string body, string contentType = "application/json") => _client.PostRawAsync(url, body, contentType);

    public Task<ApiResponse> DeleteAsync(string url) => _client.DeleteAsync(url);

    public Task<ApiResponse> SendAsync(HttpMethod method, string url, byte[]? body) => _client.SendAsync(method, url, body, null);

    public async Task<ActivityDto> ReportAsync(ReportActivity report) =>
        (await PostAsync("/api/v1/activities", report)).ShouldBe(HttpStatusCode.Created).As<ActivityDto>();

    public async Task<ActivityDto> ActivityAsync(Guid id) =>
        (await GetAsync($"/api/v1/activities/{id}")).ShouldBe(HttpStatusCode.OK).As<ActivityDto>();
}
