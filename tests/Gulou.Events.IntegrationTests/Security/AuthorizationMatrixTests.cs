using System.Net;
using System.Text.Json;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Indicators;
using Gulou.Events.Contracts.Institutions;
using Gulou.Events.Contracts.Reviews;
using Gulou.Events.Contracts.Volunteers;
using Gulou.Events.IntegrationTests.Infrastructure;
using Gulou.Events.IntegrationTests.Volunteers;

namespace Gulou.Events.IntegrationTests.Security;

/// <summary>
/// Every route of the OpenAPI document against every kind of caller: the ones a route admits get past
/// authorisation (whatever their body then earns them), every other one gets 401 or 403 and changes nothing.
/// A route missing from the table below fails the test, so a new route cannot ship without its rule.
/// </summary>
public sealed class AuthorizationMatrixTests(AppFixture app) : IClassFixture<AppFixture>
{
    private enum Caller
    {
        Anonymous,
        RevokedKey,
        Owner,
        OtherPartner,
        LeadUnit,
        OtherUnit,
        Auditor,
        Admin,
    }

    private static readonly Caller[] Everyone = [Caller.Owner, Caller.OtherPartner, Caller.LeadUnit, Caller.OtherUnit, Caller.Auditor, Caller.Admin];
    private static readonly Caller[] Partners = [Caller.Owner, Caller.OtherPartner];
    private static readonly Caller[] Units = [Caller.LeadUnit, Caller.OtherUnit];
    private static readonly Caller[] AllButOtherPartner = [Caller.Owner, Caller.LeadUnit, Caller.OtherUnit, Caller.Auditor, Caller.Admin];

    /// <summary>Who may call each route. Operations that start background work are not exercised by the admin here.</summary>
    private static readonly Dictionary<string, Caller[]> Rules = new()
    {
        ["GET /api/v1/plan"] = Everyone,
        ["POST /api/v1/institutions"] = [Caller.Admin],
        ["GET /api/v1/institutions"] = [Caller.Admin, Caller.Auditor],
        ["GET /api/v1/institutions/{id}"] = [Caller.Admin, Caller.Auditor],
        ["POST /api/v1/institutions/{id}/keys"] = [Caller.Admin],
        ["DELETE /api/v1/keys/{keyId}"] = [Caller.Admin],
        ["POST /api/v1/activities"] = Partners,
        ["POST /api/v1/activities/batch"] = Partners,
        ["POST /api/v1/activities/import"] = Partners,
        ["GET /api/v1/activities/import/template"] = Everyone,
        ["GET /api/v1/activities"] = Everyone,
        ["GET /api/v1/activities/{id}"] = AllButOtherPartner,
        ["GET /api/v1/activities/{id}/history"] = AllButOtherPartner,
        ["POST /api/v1/activities/{id}/attendance"] = [Caller.Owner],
        ["POST /api/v1/activities/{id}/evidence"] = [Caller.Owner],
        ["POST /api/v1/activities/{id}/corrections"] = [Caller.Owner],
        ["POST /api/v1/activities/{id}/retraction"] = [Caller.Owner],
        ["POST /api/v1/activities/{id}/verification"] = [Caller.LeadUnit],
        ["POST /api/v1/designations"] = [Caller.LeadUnit, Caller.Admin],
        ["GET /api/v1/designations"] = Everyone,
        ["GET /api/v1/designations/{id}"] = Everyone,
        ["POST /api/v1/designations/{id}/revocation"] = [Caller.LeadUnit, Caller.Admin],
        ["POST /api/v1/volunteers"] = Partners,
        ["GET /api/v1/volunteers"] = Everyone,
        ["POST /api/v1/volunteers/{personKey}/deregistration"] = Partners,
        ["POST /api/v1/indicators/{targetCode}/observations"] = [Caller.OtherUnit, Caller.Admin],
        ["GET /api/v1/indicators/{targetCode}/observations"] = Everyone,
        ["GET /api/v1/progress"] = Everyone,
        ["GET /api/v1/progress/targets/{code}"] = Everyone,
        ["GET /api/v1/progress/measures"] = Everyone,
        ["GET /api/v1/progress/measures/{code}"] = Everyone,
        ["GET /api/v1/progress/units"] = Everyone,
        ["GET /api/v1/reviews"] = [Caller.LeadUnit, Caller.OtherUnit, Caller.Auditor, Caller.Admin],
        ["GET /api/v1/reviews/{year}"] = [Caller.LeadUnit, Caller.OtherUnit, Caller.Auditor, Caller.Admin],
        ["GET /api/v1/reviews/plan"] = [Caller.LeadUnit, Caller.OtherUnit, Caller.Auditor, Caller.Admin],
        ["POST /api/v1/reviews/{year}/close"] = [Caller.Admin],
        ["POST /api/v1/admin/projections/rebuild"] = [Caller.Admin],
        ["POST /api/v1/admin/projections/verify"] = [Caller.Admin],
        ["GET /api/v1/admin/projections"] = [Caller.Admin],
        ["GET /api/v1/admin/projections/operations/{id}"] = [Caller.Admin],
    };

    [Fact]
    public async Task Every_route_admits_exactly_its_callers_and_refusals_change_nothing()
    {
        var routes = await OpenApiRoutes.ListAsync(app);
        Assert.Empty(routes.Except(Rules.Keys));

        foreach (var route in routes)
        {
            // One district per route; the callers it refuses go first, so the state they meet is the same.
            var world = await World.CreateAsync(app);
            foreach (var caller in Enum.GetValues<Caller>().OrderBy(c => Rules[route].Contains(c)))
            {
                var admitted = Rules[route].Contains(caller);
                if (admitted && route.Contains("/admin/projections/", StringComparison.Ordinal) && route.StartsWith("POST", StringComparison.Ordinal))
                {
                    continue; // starts background work over every district; ProjectionOperationTests covers it
                }

                var before = await world.District.EventCountAsync();
                var response = await world.SendAsync(route, caller);
                var refused = response.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;

                if (admitted)
                {
                    Assert.False(refused, $"{caller} was refused on {route}: {response.Body}");
                    Assert.True((int)response.Status < 500, $"{caller} on {route}: {response.Body}");
                }
                else
                {
                    var expected = caller is Caller.Anonymous or Caller.RevokedKey ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
                    Assert.True(response.Status == expected, $"{caller} on {route}: expected {(int)expected}, got {(int)response.Status} {response.Body}");
                    response.Problem(expected);
                    Assert.Equal(before, await world.District.EventCountAsync());
                }
            }
        }
    }

    /// <summary>A district with one of everything the routes refer to, and a key for each kind of caller.</summary>
    private sealed class World
    {
        private readonly Dictionary<Caller, string?> _keys = [];
        private readonly Dictionary<string, string> _values = [];
        private AppFixture _app = null!;

        public District District { get; private set; } = null!;

        public static async Task<World> CreateAsync(AppFixture app)
        {
            var world = new World { _app = app, District = await app.NewDistrictAsync() };
            var d = world.District;
            var owner = await d.PartnerAsync("福州大学");
            var other = await d.PartnerAsync("福建师范大学");
            var lead = await d.UnitAsync("EDU");
            var otherUnit = await d.UnitAsync("HEALTH");
            var auditor = await d.AuditorAsync();
            var revoked = await d.PartnerAsync("已撤销单位");
            var revokedKey = (await d.Admin.GetAsync($"/api/v1/institutions/{revoked.InstitutionId}")).As<InstitutionDto>().Keys.Single().KeyId;
            (await d.Admin.DeleteAsync($"/api/v1/keys/{revokedKey}")).ShouldBe(HttpStatusCode.NoContent);
            var spareKey = (await d.Admin.PostAsync($"/api/v1/institutions/{revoked.InstitutionId}/keys")).As<IssuedKey>().KeyId;

            var activity = await owner.ReportAsync(Reports.LabOpenDay());
            var designation = (await lead.PostAsync("/api/v1/designations", new RecordDesignation(DesignationKind.BackboneTeacher, "T-1", DesignationLevel.District, new DateOnly(2022, 9, 1)))).As<DesignationDto>();
            var volunteer = (await owner.PostAsync("/api/v1/volunteers", new RegisterVolunteer(VolunteerTests.PersonA, new DateOnly(2022, 1, 1)))).As<VolunteerDto>();

            world._keys[Caller.Anonymous] = null;
            world._keys[Caller.RevokedKey] = revoked.Key;
            world._keys[Caller.Owner] = owner.Key;
            world._keys[Caller.OtherPartner] = other.Key;
            world._keys[Caller.LeadUnit] = lead.Key;
            world._keys[Caller.OtherUnit] = otherUnit.Key;
            world._keys[Caller.Auditor] = auditor.Key;
            world._keys[Caller.Admin] = d.Admin.Key;
            world._values["activity"] = activity.Id.ToString();
            world._values["institution"] = owner.InstitutionId.ToString();
            world._values["key"] = spareKey.ToString();
            world._values["designation"] = designation.Id.ToString();
            world._values["person"] = volunteer.PersonKey;
            return world;
        }

        public async Task<ApiResponse> SendAsync(string route, Caller caller)
        {
            var method = route[..route.IndexOf(' ', StringComparison.Ordinal)];
            var template = route[(method.Length + 1)..];
            var url = template
                .Replace("/activities/{id}", $"/activities/{_values["activity"]}", StringComparison.Ordinal)
                .Replace("/institutions/{id}", $"/institutions/{_values["institution"]}", StringComparison.Ordinal)
                .Replace("/designations/{id}", $"/designations/{_values["designation"]}", StringComparison.Ordinal)
                .Replace("/operations/{id}", $"/operations/{Guid.NewGuid()}", StringComparison.Ordinal)
                .Replace("{keyId}", _values["key"], StringComparison.Ordinal)
                .Replace("{personKey}", _values["person"], StringComparison.Ordinal)
                .Replace("{targetCode}", "T-ELDERLY-FITNESS", StringComparison.Ordinal)
                .Replace("/targets/{code}", "/targets/T-COMPETITION", StringComparison.Ordinal)
                .Replace("/measures/{code}", "/measures/ACT-02", StringComparison.Ordinal)
                .Replace("{year}", "2023", StringComparison.Ordinal);
            var client = new ApiClient(_app.Host, _keys[caller]);
            return method switch
            {
                "GET" => await client.GetAsync(url),
                "DELETE" => await client.DeleteAsync(url),
                _ => await client.PostAsync(url, BodyFor(template)),
            };
        }

        private static object? BodyFor(string template) => template switch
        {
            "/api/v1/institutions" => new RegisterInstitution("新单位", InstitutionKind.School, Role.Partner),
            "/api/v1/activities" => Reports.LabOpenDay("NEW-1"),
            "/api/v1/activities/batch" => new ReportBatch([Reports.LabOpenDay("NEW-2")]),
            _ when template.EndsWith("/attendance", StringComparison.Ordinal) => new RecordAttendance(1, Youth: 1),
            _ when template.EndsWith("/evidence", StringComparison.Ordinal) => new AttachEvidence(1, EvidenceKind.Link, "https://example.org/e"),
            _ when template.EndsWith("/corrections", StringComparison.Ordinal) => new CorrectActivity(1, Title: "新标题"),
            _ when template.EndsWith("/retraction", StringComparison.Ordinal) => new RetractActivity(1, "取消"),
            _ when template.EndsWith("/verification", StringComparison.Ordinal) => new VerifyActivity(VerificationDecision.Verified),
            "/api/v1/designations" => new RecordDesignation(DesignationKind.BackboneTeacher, "T-2", DesignationLevel.District, new DateOnly(2023, 9, 1)),
            _ when template.EndsWith("/revocation", StringComparison.Ordinal) => new RevokeDesignation("撤销", new DateOnly(2024, 1, 1)),
            "/api/v1/volunteers" => new RegisterVolunteer(VolunteerTests.PersonB, new DateOnly(2023, 1, 1)),
            _ when template.EndsWith("/deregistration", StringComparison.Ordinal) => new DeregisterVolunteer(new DateOnly(2024, 1, 1)),
            _ when template.EndsWith("/observations", StringComparison.Ordinal) => new RecordObservation(2023, 60, 100, "survey"),
            _ when template.EndsWith("/close", StringComparison.Ordinal) => new CloseYear(DateTimeOffset.UtcNow),
            _ => null,
        };
    }
}
