using System.Net;
using System.Text.Json;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Cities;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Districts;
using Gulou.Events.Contracts.Indicators;
using Gulou.Events.Contracts.Institutions;
using Gulou.Events.Contracts.Persons;
using Gulou.Events.Contracts.Reviews;
using Gulou.Events.Contracts.Volunteers;
using Gulou.Events.IntegrationTests.Infrastructure;
using Gulou.Events.IntegrationTests.Volunteers;

namespace Gulou.Events.IntegrationTests.Security;

/// <summary>
/// Every route of the OpenAPI document against every kind of caller: the ones a route admits get past
/// authorisation (whatever their body then earns them), every other one gets 401 or 403 and changes nothing.
/// A route missing from the table below fails the test, so a new route cannot ship without its rule. Then every
/// route again with the keys of a second district, created over the API in the second database: whatever they are
/// admitted to, they change nothing in the first district and see nothing of it; nor does the auditor of a city the
/// first district is not in.
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
        Coordinator,
        Auditor,
        Admin,
        SuperAdmin,
        CityAuditor,
    }

    private static readonly Caller[] Everyone = [Caller.Owner, Caller.OtherPartner, Caller.LeadUnit, Caller.OtherUnit, Caller.Coordinator, Caller.Auditor, Caller.Admin];
    private static readonly Caller[] Partners = [Caller.Owner, Caller.OtherPartner];
    private static readonly Caller[] Units = [Caller.LeadUnit, Caller.OtherUnit, Caller.Coordinator];
    private static readonly Caller[] AllButOtherPartner = [Caller.Owner, Caller.LeadUnit, Caller.OtherUnit, Caller.Coordinator, Caller.Auditor, Caller.Admin];
    private static readonly Caller[] ReviewReaders = [Caller.LeadUnit, Caller.OtherUnit, Caller.Coordinator, Caller.Auditor, Caller.Admin];

    /// <summary>Who may call each route. Operations that start background work are not exercised by the admin here.</summary>
    private static readonly Dictionary<string, Caller[]> Rules = new()
    {
        ["GET /api/v1/plan"] = Everyone,
        ["GET /api/v1/plans"] = Everyone,
        ["PUT /api/v1/admin/plans/{planId}"] = [Caller.Admin],
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
        ["POST /api/v1/activities/{id}/verification"] = [Caller.LeadUnit, Caller.Coordinator],
        ["GET /api/v1/verifications"] = [Caller.LeadUnit, Caller.OtherUnit, Caller.Coordinator, Caller.Auditor, Caller.Admin],
        ["GET /api/v1/activities/duplicates"] = [Caller.LeadUnit, Caller.OtherUnit, Caller.Coordinator, Caller.Auditor, Caller.Admin],
        ["GET /api/v1/schools"] = [Caller.LeadUnit, Caller.OtherUnit, Caller.Coordinator, Caller.Auditor, Caller.Admin],
        ["POST /api/v1/designations"] = [Caller.LeadUnit, Caller.Coordinator, Caller.Admin],
        ["GET /api/v1/designations"] = Everyone,
        ["GET /api/v1/designations/{id}"] = Everyone,
        ["POST /api/v1/designations/{id}/revocation"] = [Caller.LeadUnit, Caller.Coordinator, Caller.Admin],
        // The designation and the observation were recorded by the administrator: the units that answer for their targets verify them.
        ["POST /api/v1/designations/{id}/verification"] = [Caller.LeadUnit, Caller.Coordinator],
        ["POST /api/v1/volunteers"] = Partners,
        ["GET /api/v1/volunteers"] = Everyone,
        ["POST /api/v1/volunteers/{personKey}/deregistration"] = Partners,
        // Only the coordinating unit (区科协) or a unit leading PRJ-11.
        ["POST /api/v1/volunteers/{personKey}/verification"] = [Caller.Coordinator],
        ["POST /api/v1/persons/{personId}/erasure"] = [Caller.Admin],
        ["GET /api/v1/persons/retention"] = [Caller.Admin],
        ["POST /api/v1/persons/retention"] = [Caller.Admin],
        // The volunteer was registered by the owner: another partner may not export them.
        ["GET /api/v1/persons/{personId}/export"] = AllButOtherPartner,
        ["POST /api/v1/indicators/{targetCode}/observations"] = [Caller.OtherUnit, Caller.Admin],
        ["GET /api/v1/indicators/{targetCode}/observations"] = Everyone,
        ["POST /api/v1/indicators/{targetCode}/observations/{number}/verification"] = [Caller.OtherUnit, Caller.Coordinator],
        ["POST /api/v1/indicators/{targetCode}/observations/{number}/withdrawal"] = [Caller.OtherUnit, Caller.Admin],
        ["GET /api/v1/progress"] = Everyone,
        ["GET /api/v1/progress/targets/{code}"] = Everyone,
        ["GET /api/v1/progress/measures"] = Everyone,
        ["GET /api/v1/progress/measures/{code}"] = Everyone,
        ["GET /api/v1/progress/units"] = Everyone,
        ["GET /api/v1/reviews"] = ReviewReaders,
        ["GET /api/v1/reviews/{year}"] = ReviewReaders,
        ["GET /api/v1/reviews/plan"] = ReviewReaders,
        ["POST /api/v1/reviews/{year}/close"] = [Caller.Coordinator, Caller.Admin],
        ["POST /api/v1/reviews/{year}/reopening"] = [Caller.Coordinator, Caller.Admin],
        ["POST /api/v1/reviews/{year}/units/{unitCode}/submission"] = [Caller.LeadUnit],
        ["POST /api/v1/reviews/{year}/units/{unitCode}/acceptance"] = [Caller.Coordinator],
        ["POST /api/v1/reviews/{year}/units/{unitCode}/return"] = [Caller.Coordinator],
        ["POST /api/v1/reviews/{year}/exceptions"] = [Caller.Coordinator],
        ["GET /api/v1/reviews/{year}/signoff"] = ReviewReaders,
        ["GET /api/v1/reviews/{year}/seal"] = ReviewReaders,
        ["POST /api/v1/reviews/{year}/seal/verification"] = ReviewReaders,
        ["GET /api/v1/reviews/{year}/completeness"] = ReviewReaders,
        ["GET /api/v1/reviews/{year}/statistics"] = ReviewReaders,
        ["POST /api/v1/admin/projections/rebuild"] = [Caller.Admin],
        ["POST /api/v1/admin/projections/verify"] = [Caller.Admin],
        ["GET /api/v1/admin/projections"] = [Caller.Admin],
        ["GET /api/v1/admin/projections/operations/{id}"] = [Caller.Admin],
        ["GET /api/v1/district"] = Everyone,
        ["POST /api/v1/admin/districts"] = [Caller.SuperAdmin],
        ["GET /api/v1/admin/districts"] = [Caller.SuperAdmin],
        ["POST /api/v1/admin/districts/{code}/keys"] = [Caller.SuperAdmin],
        ["POST /api/v1/admin/cities"] = [Caller.SuperAdmin],
        ["GET /api/v1/admin/cities"] = [Caller.SuperAdmin],
        ["POST /api/v1/admin/cities/{code}/districts"] = [Caller.SuperAdmin],
        ["POST /api/v1/admin/cities/{code}/keys"] = [Caller.SuperAdmin],
        ["DELETE /api/v1/admin/cities/{code}/keys/{keyId}"] = [Caller.SuperAdmin],
        // A city auditor reads its city's figures and plans and nothing else; no district's key reads a city.
        ["GET /api/v1/city/progress"] = [Caller.CityAuditor],
        ["GET /api/v1/city/plans"] = [Caller.CityAuditor],
    };

    [Fact]
    public async Task Every_route_admits_exactly_its_callers_and_refusals_change_nothing()
    {
        var routes = await OpenApiRoutes.ListAsync(app);
        Assert.Empty(routes.Except(Rules.Keys));
        var elsewhere = await Elsewhere.CreateAsync(app);

        foreach (var route in routes)
        {
            // One district per route; the callers it refuses go first, so the state they meet is the same.
            var world = await World.CreateAsync(app);
            await elsewhere.SeeNothingOfAsync(world, route);
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
            var coordinator = await d.UnitAsync("CAST");
            var auditor = await d.AuditorAsync();
            var revoked = await d.PartnerAsync("已撤销单位");
            var revokedKey = (await d.Admin.GetAsync($"/api/v1/institutions/{revoked.InstitutionId}")).As<InstitutionDto>().Keys.Single().KeyId;
            (await d.Admin.DeleteAsync($"/api/v1/keys/{revokedKey}")).ShouldBe(HttpStatusCode.NoContent);
            var spareKey = (await d.Admin.PostAsync($"/api/v1/institutions/{revoked.InstitutionId}/keys")).As<IssuedKey>().KeyId;

            var activity = await owner.ReportAsync(Reports.LabOpenDay());
            var designation = (await d.Admin.PostAsync("/api/v1/designations", new RecordDesignation(DesignationKind.BackboneTeacher, "T-1", DesignationLevel.District, new DateOnly(2022, 9, 1), TeachingSubject: "physics")))
                .ShouldBe(HttpStatusCode.Created).As<DesignationDto>();
            (await d.Admin.PostAsync("/api/v1/indicators/T-ELDERLY-FITNESS/observations", new RecordObservation(2022, 60, 100, "survey"))).ShouldBe(HttpStatusCode.Created);
            var volunteer = (await owner.PostAsync("/api/v1/volunteers", new RegisterVolunteer(VolunteerTests.PersonA, new DateOnly(2022, 1, 1)))).As<VolunteerDto>();
            var city = (await app.SuperAdmin.PostAsync("/api/v1/admin/cities", new CreateCity("c" + d.TenantId, "测试市", [d.TenantId])))
                .ShouldBe(HttpStatusCode.Created).As<CityCreated>();

            world._keys[Caller.Anonymous] = null;
            world._keys[Caller.RevokedKey] = revoked.Key;
            world._keys[Caller.Owner] = owner.Key;
            world._keys[Caller.OtherPartner] = other.Key;
            world._keys[Caller.LeadUnit] = lead.Key;
            world._keys[Caller.OtherUnit] = otherUnit.Key;
            world._keys[Caller.Coordinator] = coordinator.Key;
            world._keys[Caller.Auditor] = auditor.Key;
            world._keys[Caller.Admin] = d.Admin.Key;
            world._keys[Caller.SuperAdmin] = AppFixture.SuperAdminKey;
            world._keys[Caller.CityAuditor] = city.AuditorKey.Key;
            world._values["activity"] = activity.Id.ToString();
            world._values["institution"] = owner.InstitutionId.ToString();
            world._values["key"] = spareKey.ToString();
            world._values["designation"] = designation.Id.ToString();
            world._values["person"] = volunteer.PersonKey;
            world._values["revokedInstitution"] = revoked.InstitutionId.ToString();
            world._values["otherInstitution"] = other.InstitutionId.ToString();
            world._values["revokedKey"] = revokedKey.ToString();
            world._values["city"] = city.City.Code;
            world._values["cityKey"] = city.AuditorKey.KeyId.ToString();
            return world;
        }

        /// <summary>What no caller of another district may ever see: the ids of this district's records and its code.</summary>
        public IEnumerable<string> Secrets => [District.TenantId, .. _values.Values];

        public Task<ApiResponse> SendAsync(string route, Caller caller) => SendAsync(route, _keys[caller]);

        /// <summary>The route with this district's records in its path.</summary>
        public string UrlFor(string route)
        {
            var method = route[..route.IndexOf(' ', StringComparison.Ordinal)];
            var template = route[(method.Length + 1)..];
            return template
                .Replace("/cities/{code}/keys/{keyId}", $"/cities/{_values["city"]}/keys/{_values["cityKey"]}", StringComparison.Ordinal)
                .Replace("/cities/{code}", $"/cities/{_values["city"]}", StringComparison.Ordinal)
                .Replace("/activities/{id}", $"/activities/{_values["activity"]}", StringComparison.Ordinal)
                .Replace("/institutions/{id}", $"/institutions/{_values["institution"]}", StringComparison.Ordinal)
                .Replace("/designations/{id}", $"/designations/{_values["designation"]}", StringComparison.Ordinal)
                .Replace("/operations/{id}", $"/operations/{Guid.NewGuid()}", StringComparison.Ordinal)
                .Replace("{keyId}", _values["key"], StringComparison.Ordinal)
                .Replace("{personKey}", _values["person"], StringComparison.Ordinal)
                .Replace("{personId}", _values["person"], StringComparison.Ordinal)
                .Replace("{targetCode}", "T-ELDERLY-FITNESS", StringComparison.Ordinal)
                .Replace("{number}", "1", StringComparison.Ordinal)
                .Replace("/targets/{code}", "/targets/T-COMPETITION", StringComparison.Ordinal)
                .Replace("/measures/{code}", "/measures/ACT-02", StringComparison.Ordinal)
                .Replace("{unitCode}", "EDU", StringComparison.Ordinal)
                .Replace("{year}", "2023", StringComparison.Ordinal)
                .Replace("{planId}", "test-fixture-2026-2030", StringComparison.Ordinal)
                .Replace("{code}", District.TenantId, StringComparison.Ordinal)
                + (template is "/api/v1/activities/duplicates" or "/api/v1/schools" ? "?year=2023" : "");
        }

        public async Task<ApiResponse> SendAsync(string route, string? key)
        {
            var method = route[..route.IndexOf(' ', StringComparison.Ordinal)];
            var template = route[(method.Length + 1)..];
            var url = UrlFor(route);
            var client = new ApiClient(_app.Host, key);
            return method switch
            {
                "GET" => await client.GetAsync(url),
                "DELETE" => await client.DeleteAsync(url),
                "PUT" => await client.SendAsync(HttpMethod.Put, url, File.ReadAllBytes(Gulou.Events.Tests.RepositoryRoot.Combine("tests", "Fixtures", "plans", "test-fixture-2026-2030.json")), null),
                _ => await client.PostAsync(url, BodyFor(template)),
            };
        }

        private object? BodyFor(string template) => template switch
        {
            "/api/v1/institutions" => new RegisterInstitution("新单位", InstitutionKind.School, Role.Partner),
            "/api/v1/activities" => Reports.LabOpenDay("NEW-1"),
            "/api/v1/activities/batch" => new ReportBatch([Reports.LabOpenDay("NEW-2")]),
            _ when template.EndsWith("/attendance", StringComparison.Ordinal) => new RecordAttendance(1, Youth: 1),
            _ when template.EndsWith("/evidence", StringComparison.Ordinal) => new AttachEvidence(1, EvidenceKind.Link, "https://example.org/e"),
            _ when template.EndsWith("/corrections", StringComparison.Ordinal) => new CorrectActivity(1, Title: "新标题"),
            _ when template.EndsWith("/retraction", StringComparison.Ordinal) => new RetractActivity(1, "取消"),
            _ when template.StartsWith("/api/v1/designations/", StringComparison.Ordinal) && template.EndsWith("/verification", StringComparison.Ordinal) =>
                new VerifyDesignation(VerificationDecision.Verified),
            _ when template.StartsWith("/api/v1/activities/", StringComparison.Ordinal) && template.EndsWith("/verification", StringComparison.Ordinal) =>
                new VerifyActivity(VerificationDecision.Verified),
            _ when template.EndsWith("/verification", StringComparison.Ordinal) => new VerifyRecord(VerificationDecision.Verified),
            _ when template.EndsWith("/withdrawal", StringComparison.Ordinal) => new WithdrawObservation("录入错误"),
            "/api/v1/designations" => new RecordDesignation(DesignationKind.BackboneTeacher, "T-2", DesignationLevel.District, new DateOnly(2023, 9, 1), TeachingSubject: "physics"),
            _ when template.EndsWith("/revocation", StringComparison.Ordinal) => new RevokeDesignation("撤销", new DateOnly(2024, 1, 1)),
            "/api/v1/volunteers" => new RegisterVolunteer(VolunteerTests.PersonB, new DateOnly(2023, 1, 1)),
            _ when template.EndsWith("/deregistration", StringComparison.Ordinal) => new DeregisterVolunteer(new DateOnly(2024, 1, 1)),
            _ when template.EndsWith("/erasure", StringComparison.Ordinal) => new ErasePerson("本人申请删除", "PIPL Art. 47(1)"),
            _ when template.EndsWith("/observations", StringComparison.Ordinal) => new RecordObservation(2023, 60, 100, "survey"),
            _ when template.EndsWith("/close", StringComparison.Ordinal) => new CloseYear(DateTimeOffset.UtcNow),
            _ when template.EndsWith("/reopening", StringComparison.Ordinal) => new ReopenYear("复核"),
            _ when template.EndsWith("/submission", StringComparison.Ordinal) || template.EndsWith("/acceptance", StringComparison.Ordinal) => new SignOffUnitYear(),
            _ when template.EndsWith("/return", StringComparison.Ordinal) => new ReturnUnitYear("补充材料"),
            _ when template.EndsWith("/exceptions", StringComparison.Ordinal) => new YearExceptionGrant(Guid.Parse(_values["institution"]), "补报", DateTimeOffset.UtcNow.AddDays(7)),
            "/api/v1/admin/districts" => new CreateDistrict("t" + Guid.NewGuid().ToString("N")[..12], "新区"),
            "/api/v1/admin/cities" => new CreateCity("c" + Guid.NewGuid().ToString("N")[..12], "新市", [District.TenantId]),
            _ when template.EndsWith("/cities/{code}/districts", StringComparison.Ordinal) => new AddCityDistrict(District.TenantId),
            _ => null,
        };
    }

    /// <summary>A second district, created over the API in the second database, with a key for every role and the auditor of a city of its own.</summary>
    private sealed class Elsewhere
    {
        private readonly List<Actor> _callers = [];

        public static async Task<Elsewhere> CreateAsync(AppFixture app)
        {
            var district = await app.NewDistrictAsync(AppFixture.SecondDatabase);
            var elsewhere = new Elsewhere();
            elsewhere._callers.AddRange(
            [
                district.Admin,
                await district.PartnerAsync("外区大学"),
                await district.UnitAsync("EDU", "外区教育局"),
                await district.AuditorAsync("外区审计局"),
            ]);
            await elsewhere._callers[1].ReportAsync(Reports.LabOpenDay("ELSEWHERE-1"));
            var city = (await app.SuperAdmin.PostAsync("/api/v1/admin/cities", new CreateCity("c" + district.TenantId, "外市", [district.TenantId])))
                .ShouldBe(HttpStatusCode.Created).As<CityCreated>();
            elsewhere._callers.Add(new Actor(app, Guid.Empty, city.AuditorKey.Key));
            return elsewhere;
        }

        /// <summary>
        /// Every caller of this district on the route, aimed at the other district's records: never a 5xx, never one of
        /// the other district's ids or its code in the answer, never an event in the other district; a record of the
        /// other district named in the path is not found (or the role is refused first).
        /// </summary>
        public async Task SeeNothingOfAsync(World world, string route)
        {
            string[] records = ["{id}", "{keyId}", "{personKey}", "{personId}", "/districts/{code}", "/cities/{code}"];
            var addressesRecord = records.Any(r => route.Contains(r, StringComparison.Ordinal));
            foreach (var caller in _callers)
            {
                if (caller == _callers[0] && route.StartsWith("POST /api/v1/admin/projections/", StringComparison.Ordinal))
                {
                    continue; // starts background work over the whole second database; ProjectionOperationTests covers it
                }

                var before = await world.District.EventCountAsync();
                var response = await world.SendAsync(route, caller.Key);

                Assert.True((int)response.Status < 500, $"a key of another district on {route}: {response.Body}");
                foreach (var secret in world.Secrets.Where(secret => !world.UrlFor(route).Contains(secret, StringComparison.Ordinal)))
                {
                    Assert.False(response.Body.Contains(secret, StringComparison.Ordinal), $"a key of another district on {route} saw {secret}: {response.Body}");
                }

                Assert.Equal(before, await world.District.EventCountAsync());
                if (addressesRecord)
                {
                    Assert.True(response.Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden,
                        $"a key of another district on {route}: expected 404 or 403, got {(int)response.Status} {response.Body}");
                }
            }
        }
    }
}
