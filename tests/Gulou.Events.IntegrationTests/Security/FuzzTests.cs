using System.Net;
using System.Text;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Indicators;
using Gulou.Events.Contracts.Volunteers;
using Gulou.Events.IntegrationTests.Infrastructure;
using Gulou.Events.IntegrationTests.Volunteers;

namespace Gulou.Events.IntegrationTests.Security;

/// <summary>
/// Hostile input to every route, with valid and invalid keys: no answer is a 5xx, every 4xx is a problem with a
/// code that the OpenAPI document names for that route and status, and a 4xx never changes the store. A bounded run
/// by default; FUZZ_ITERATIONS sets the requests per route. Then every route with a value in its path gets each id
/// that names nothing (the empty GUID in its spellings, malformed text): 400 or 404, never a 5xx.
/// </summary>
public sealed class FuzzTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task No_hostile_request_gets_a_server_error_and_refusals_change_nothing()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_ITERATIONS"), out var n) ? n : 12;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var s) ? s : 20261128;
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var unit = await district.UnitAsync("CAST");
        var activity = await partner.ReportAsync(Reports.LabOpenDay());
        // Something for the newer routes to find: a likely duplicate from a school of the coverage register, held above its ceiling.
        var school = await district.SchoolAsync("福州第十六中学", Contracts.Institutions.SchoolStage.JuniorSecondary);
        await school.ReportAsync(Reports.LabOpenDay("DUP-1", youth: 2_500) with { HostInstitutionId = partner.InstitutionId });
        var designation = (await unit.PostAsync("/api/v1/designations", new RecordDesignation(DesignationKind.ScienceBase, "B-1", DesignationLevel.City, new DateOnly(2022, 1, 1)))).As<DesignationDto>();
        var volunteer = (await partner.PostAsync("/api/v1/volunteers", new RegisterVolunteer(VolunteerTests.PersonA, new DateOnly(2022, 1, 1)))).As<VolunteerDto>();
        (await unit.PostAsync("/api/v1/indicators/T-LITERACY/observations", new RecordObservation(2023, 150, 1000, "survey"))).ShouldBe(HttpStatusCode.Created);
        var known = new Dictionary<string, string>
        {
            ["id"] = activity.Id.ToString(), ["personKey"] = volunteer.PersonKey, ["personId"] = volunteer.PersonKey, ["code"] = "T-COMPETITION", ["targetCode"] = "T-LITERACY", ["year"] = "2023", ["unitCode"] = "CAST",
            ["unit"] = "CAST", ["target"] = "T-SCHOOLS", ["status"] = "needs_review", ["duplicateOf"] = activity.Id.ToString(), ["hostInstitutionId"] = school.InstitutionId.ToString(), ["number"] = "1",
        };
        string?[] keys = [district.Admin.Key, partner.Key, unit.Key, "glk_forged", null];
        var document = (await app.Anonymous.GetAsync("/swagger/v1/swagger.json")).Json();
        var random = new Random(seed);
        var fuzzer = new RequestFuzzer(document, random);
        var documented = fuzzer.DocumentedRefusals();
        var failures = new List<string>();
        var sent = 0;

        // Rebuilds and verifications run over every district in the background; their own tests cover them.
        foreach (var (route, request) in fuzzer.Requests(iterations, known, r => !r.StartsWith("POST /api/v1/admin/", StringComparison.Ordinal)))
        {
            var key = keys[random.Next(keys.Length)];
            var before = await district.EventCountAsync();
            ApiResponse response;
            try
            {
                response = await new ApiClient(app.Host, key).SendAsync(new HttpMethod(request.Method), request.Url,
                    request.Body is null ? null : Encoding.UTF8.GetBytes(request.Body), null);
            }
            catch (InvalidOperationException e) when (e.Message.Contains("null characters", StringComparison.Ordinal))
            {
                continue; // the in-memory server cannot even form this path; Kestrel refuses it with a 400 before any route
            }

            sent++;
            var status = (int)response.Status;
            if (status >= 500)
            {
                failures.Add($"{status} on {request.Method} {request.Url} with {request.Body?[..Math.Min(200, request.Body.Length)]}: {response.Body}");
            }
            else if (status >= 400)
            {
                if (!response.Headers.ContentType.ToString().StartsWith("application/problem+json", StringComparison.Ordinal) || !response.Body.Contains("\"code\"", StringComparison.Ordinal))
                {
                    failures.Add($"{status} without a problem body on {request.Method} {request.Url}: {response.Body}");
                }

                if (await district.EventCountAsync() != before)
                {
                    failures.Add($"{status} on {request.Method} {request.Url} changed the store");
                }

                var code = response.Body.Contains("\"code\"", StringComparison.Ordinal) ? response.Json().GetProperty("code").GetString() : null;
                if (!documented[route].TryGetValue(status, out var codes) || code is null || !codes.Contains(code))
                {
                    failures.Add($"{status} {code} on {request.Method} {request.Url} is not in the OpenAPI document's answers for {route}");
                }
            }
        }

        Assert.True(sent > 300, $"only {sent} requests were made");

        string[] callers = [district.Admin.Key, partner.Key, unit.Key];
        var badIds = 0;
        foreach (var (route, request) in fuzzer.BadIdRequests(known, r => !r.StartsWith("POST /api/v1/admin/", StringComparison.Ordinal)))
        {
            foreach (var key in callers)
            {
                var before = await district.EventCountAsync();
                ApiResponse response;
                try
                {
                    response = await new ApiClient(app.Host, key).SendAsync(new HttpMethod(request.Method), request.Url,
                        request.Body is null ? null : Encoding.UTF8.GetBytes(request.Body), null);
                }
                catch (InvalidOperationException e) when (e.Message.Contains("null characters", StringComparison.Ordinal))
                {
                    continue;
                }

                badIds++;
                var status = (int)response.Status;
                if (status is not (400 or 403 or 404) || !response.Body.Contains("\"code\"", StringComparison.Ordinal))
                {
                    failures.Add($"{status} for a bad id on {request.Method} {request.Url[..Math.Min(120, request.Url.Length)]}: {response.Body[..Math.Min(300, response.Body.Length)]}");
                }
                else if (await district.EventCountAsync() != before)
                {
                    failures.Add($"{status} for a bad id on {request.Method} {request.Url[..Math.Min(120, request.Url.Length)]} changed the store");
                }
            }
        }

        Assert.True(badIds > 100, $"only {badIds} bad-id requests were made");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests (seed {seed}):\n" + string.Join("\n", failures.Take(30)));
    }
}
