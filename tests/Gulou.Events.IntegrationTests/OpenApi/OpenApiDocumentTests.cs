using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Volunteers;
using Gulou.Events.IntegrationTests.Infrastructure;
using Gulou.Events.IntegrationTests.Volunteers;
using Gulou.Events.Tests;

namespace Gulou.Events.IntegrationTests.OpenApi;

/// <summary>
/// The OpenAPI document: the checked-in copy is the one the service serves, it reads well, and the refusals it
/// documents are the ones the service answers (the fuzzer checks the converse: nothing undocumented is answered).
/// </summary>
public sealed class OpenApiDocumentTests(AppFixture app) : IClassFixture<AppFixture>
{
    /// <summary>Set to 1 to write the served document to docs/openapi.json instead of comparing (build/openapi.sh does).</summary>
    public const string WriteVariable = "GULOU_WRITE_OPENAPI";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task The_checked_in_document_is_the_one_the_service_serves()
    {
        var served = JsonNode.Parse((await app.Anonymous.GetAsync("/swagger/v1/swagger.json")).Body)!.ToJsonString(Indented) + "\n";
        var path = RepositoryRoot.Combine("docs", "openapi.json");
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            await File.WriteAllTextAsync(path, served);
            return;
        }

        var checkedIn = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : "";
        Assert.True(checkedIn == served,
            $"docs/openapi.json is not the document the service serves{FirstDifference(checkedIn, served)}. Refresh it with build/openapi.sh and commit it.");
    }

    [Fact]
    public async Task Every_operation_has_a_summary_a_described_tag_and_problem_answers_with_their_codes()
    {
        var document = await DocumentAsync();
        var tags = document["tags"]!.AsArray().ToDictionary(t => (string)t!["name"]!, t => (string?)t!["description"]);
        var examples = document["components"]!["examples"]!.AsObject();
        var ids = new HashSet<string>();
        foreach (var (route, operation) in Operations(document))
        {
            var summary = (string?)operation["summary"];
            Assert.False(string.IsNullOrWhiteSpace(summary), $"{route} has no summary");
            Assert.DoesNotContain("_api_", summary, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace((string?)operation["description"]), $"{route} has no description");
            Assert.True(ids.Add((string)operation["operationId"]!), $"{route}: operation id used twice");
            var tag = (string)operation["tags"]![0]!;
            Assert.False(string.IsNullOrWhiteSpace(tags.GetValueOrDefault(tag)), $"tag {tag} of {route} is not described (give its feature's module an XML summary)");

            var refusals = operation["responses"]!.AsObject().Where(r => r.Key[0] is '4' or '5').ToList();
            Assert.Contains(refusals, r => r.Key[0] == '4');
            foreach (var (status, response) in refusals)
            {
                var media = response!["content"]!["application/problem+json"]!;
                Assert.Equal("#/components/schemas/Problem", (string)media["schema"]!["$ref"]!);
                foreach (var (code, example) in media["examples"]!.AsObject())
                {
                    Assert.Contains($"`{code}`", (string)response["description"]!, StringComparison.Ordinal);
                    var value = examples[code]!["value"]!;
                    Assert.Equal(code, (string)value["code"]!);
                    Assert.Equal(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), (int)value["status"]!);
                }
            }
        }

        Assert.Equal("Attaches evidence (a photo, a sign-in sheet, a link …) by its address; the file itself stays where it is.",
            (string)document["paths"]!["/api/v1/activities/{id}/evidence"]!["post"]!["summary"]!);
        Assert.Equal("FZU-2023-001", (string)document["components"]!["schemas"]!["ReportActivity"]!["example"]!["externalRef"]!);
    }

    /// <summary>
    /// For every operation, each refusal the document derives from its shape is answered: 401 without a key, 403 to some
    /// caller, 404 for an id that names nothing, 400 for a body that is not JSON, 413 for an oversized body, 415 for a
    /// body of another type. Then the declared conflicts of a sample of operations.
    /// </summary>
    [Fact]
    public async Task The_refusals_the_document_derives_are_the_ones_the_service_answers()
    {
        var district = await app.NewDistrictAsync();
        var owner = await district.PartnerAsync();
        var other = await district.PartnerAsync("福建师范大学");
        var unit = await district.UnitAsync("CAST");
        var auditor = await district.AuditorAsync();
        var activity = await owner.ReportAsync(Reports.LabOpenDay());
        var designation = (await unit.PostAsync("/api/v1/designations", new RecordDesignation(DesignationKind.ScienceBase, "B-1", DesignationLevel.City, new DateOnly(2022, 1, 1)))).As<DesignationDto>();
        var volunteer = (await owner.PostAsync("/api/v1/volunteers", new RegisterVolunteer(VolunteerTests.PersonA, new DateOnly(2022, 1, 1)))).As<VolunteerDto>();
        var known = new Dictionary<string, string>
        {
            ["id"] = activity.Id.ToString(), ["keyId"] = Guid.NewGuid().ToString(), ["personKey"] = volunteer.PersonKey, ["personId"] = volunteer.PersonKey, ["code"] = "T-COMPETITION",
            ["targetCode"] = "T-LITERACY", ["year"] = "2023", ["number"] = "1",
        };
        var designationRoutes = new[] { "/api/v1/designations/{id}" };
        // The super-administrator's key too: the routes of districts and cities admit no other.
        string[] keys = [district.Admin.Key, owner.Key, other.Key, unit.Key, auditor.Key, AppFixture.SuperAdminKey];
        var document = await DocumentAsync();
        var failures = new List<string>();

        foreach (var (route, operation) in Operations(document))
        {
            if (route.StartsWith("POST /api/v1/admin/", StringComparison.Ordinal))
            {
                continue; // they start background work over every district; their own tests cover them
            }

            var (method, template) = (route[..route.IndexOf(' ', StringComparison.Ordinal)], route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
            var documented = operation["responses"]!.AsObject().Select(r => r.Key).ToHashSet();
            var values = new Dictionary<string, string>(known);
            if (designationRoutes.Any(template.StartsWith))
            {
                values["id"] = designation.Id.ToString();
            }

            var url = Fill(template, values);
            var media = operation["requestBody"]?["content"]?.AsObject().Select(c => c.Key).FirstOrDefault();
            var valid = media is null ? null : Encoding.UTF8.GetBytes(media == "application/json" ? ExampleBody(document, operation) : "x");

            async Task<HashSet<(int Status, string Code)>> AnswersAsync(IEnumerable<string?> callers, string path, byte[]? body, string? contentType)
            {
                var answers = new HashSet<(int, string)>();
                foreach (var key in callers)
                {
                    var headers = contentType is null ? null : new Dictionary<string, string> { ["Content-Type"] = contentType };
                    var response = await new ApiClient(app.Host, key).SendAsync(new HttpMethod(method), path, body, headers);
                    var code = (int)response.Status >= 400 ? response.Json().GetProperty("code").GetString()! : "";
                    answers.Add(((int)response.Status, code));
                }

                return answers;
            }

            void Expect(string status, string code, HashSet<(int Status, string Code)> answers, string how)
            {
                if (!answers.Contains((int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), code)))
                {
                    failures.Add($"{route}: documents {status} {code}, but {how} answered {string.Join(", ", answers.Select(a => $"{a.Status} {a.Code}"))}");
                }
            }

            if (documented.Contains("401"))
            {
                Expect("401", "unauthenticated", await AnswersAsync([null], url, valid, media), "no key");
            }

            if (documented.Contains("403"))
            {
                // A list that a partner may read only for its own institution is asked for another's.
                var asked = operation["parameters"]?.AsArray().Any(p => (string?)p!["name"] == "institution") == true ? $"{url}?institution={owner.InstitutionId}" : url;
                Expect("403", "forbidden", await AnswersAsync(keys, asked, valid, media), "every kind of key");
            }

            if (documented.Contains("404") && template.Contains('{', StringComparison.Ordinal))
            {
                var nothing = Fill(template, values.ToDictionary(v => v.Key, v => v.Key is "id" or "keyId" ? Guid.Empty.ToString() : "NOPE-404"));
                Expect("404", "not_found", await AnswersAsync(keys, nothing, valid, media), "an id naming nothing, with every kind of key,");
            }

            if (media is not null)
            {
                if (documented.Contains("415"))
                {
                    Expect("415", "unsupported_media_type", await AnswersAsync(keys, url, valid, "application/xml"), "a body of another type");
                }

                if (documented.Contains("413") && !route.EndsWith("/import", StringComparison.Ordinal))
                {
                    var limit = route.EndsWith("/batch", StringComparison.Ordinal) ? 8 * 1024 * 1024 : 1024 * 1024;
                    Expect("413", "payload_too_large", await AnswersAsync([owner.Key], url, new byte[limit + 1], media), "an oversized body");
                }

                if (media == "application/json" && documented.Contains("400"))
                {
                    Expect("400", "malformed_json", await AnswersAsync(keys, url, Encoding.UTF8.GetBytes("{\"not\": json"), media), "a body that is not JSON");
                }
            }
        }

        // Declared refusals, on a sample: a stale version, a retracted activity, a taken reference.
        var stale = await owner.PostAsync($"/api/v1/activities/{activity.Id}/attendance", new RecordAttendance(activity.Version + 5, Youth: 3));
        Assert.Equal("version_conflict", stale.Problem(HttpStatusCode.Conflict).Code);
        (await owner.PostAsync($"/api/v1/activities/{activity.Id}/retraction", new RetractActivity((await owner.ActivityAsync(activity.Id)).Version, "Reported by mistake."))).ShouldBe(HttpStatusCode.OK);
        var retracted = await owner.PostAsync($"/api/v1/activities/{activity.Id}/evidence",
            new AttachEvidence((await owner.ActivityAsync(activity.Id)).Version, EvidenceKind.Link, "https://example.org/e"));
        Assert.Equal("invalid_state", retracted.Problem(HttpStatusCode.Conflict).Code);
        var taken = await owner.PostAsync("/api/v1/activities", Reports.LabOpenDay() with { Title = "Another title under the same reference" });
        Assert.Equal("external_ref_conflict", taken.Problem(HttpStatusCode.Conflict).Code);
        foreach (var (route, status, code) in new[]
                 {
                     ("POST /api/v1/activities/{id}/attendance", "409", "version_conflict"), ("POST /api/v1/activities/{id}/evidence", "409", "invalid_state"),
                     ("POST /api/v1/activities", "409", "external_ref_conflict"), ("GET /api/v1/plan", "429", "rate_limited"),
                 })
        {
            var operation = Operations(document).Single(o => o.Route == route).Operation;
            Assert.True(operation["responses"]![status]?["content"]?["application/problem+json"]?["examples"]?[code] is not null, $"{route} does not document {status} {code}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    public static IEnumerable<(string Route, JsonNode Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(p => p.Value!.AsObject().Select(o => ($"{o.Key.ToUpperInvariant()} {p.Key}", o.Value!)));

    /// <summary>The example of the operation's JSON body from the document, or an empty object.</summary>
    private static string ExampleBody(JsonNode document, JsonNode operation)
    {
        var reference = (string?)operation["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"];
        var example = reference is null ? null : document["components"]!["schemas"]![reference.Split('/')[^1]]?["example"];
        return example?.ToJsonString() ?? "{}";
    }

    private async Task<JsonNode> DocumentAsync() => JsonNode.Parse((await app.Anonymous.GetAsync("/swagger/v1/swagger.json")).Body)!;

    private static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        values.Aggregate(template, (url, v) => url.Replace("{" + v.Key + "}", Uri.EscapeDataString(v.Value), StringComparison.Ordinal));

    private static string FirstDifference(string expected, string actual)
    {
        var (a, b) = (expected.Split('\n'), actual.Split('\n'));
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            if (i >= a.Length || i >= b.Length || a[i] != b[i])
            {
                return $" (first difference at line {i + 1}: checked in '{(i < a.Length ? a[i].Trim() : "<end>")}', served '{(i < b.Length ? b[i].Trim() : "<end>")}')";
            }
        }

        return "";
    }
}
