using System.Net;
using System.Security.Cryptography;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Reviews;
using Gulou.Events.IntegrationTests.Infrastructure;
using Gulou.Events.Tests;
using Marten;

namespace Gulou.Events.IntegrationTests.Reviews;

/// <summary>
/// Closing 2023 seals what it counted. The seal verifies intact over an untouched log; an event's data edited
/// directly in PostgreSQL (not through the API), or an event deleted there, is named by the verification, over the
/// API and on the command line; once the row is put back, the seal verifies intact again.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SealTests(AppFixture app)
{
    [Fact]
    public async Task The_seal_verifies_intact_and_names_the_event_edited_or_deleted_in_the_database()
    {
        var district = await app.NewDistrictAsync();
        var fzu = await district.PartnerAsync();
        var cast = await district.UnitAsync("CAST");
        var auditor = await district.AuditorAsync();
        var competition = await fzu.ReportAsync(Reports.Competition("C-2023", 300, new DateOnly(2023, 6, 1)));
        competition = (await fzu.PostAsync($"/api/v1/activities/{competition.Id}/attendance", new RecordAttendance(competition.Version, Youth: 20))).ShouldBe(HttpStatusCode.OK).As<ActivityDto>();
        var lab = await fzu.ReportAsync(Reports.LabOpenDay("L-2023"));
        await fzu.ReportAsync(Reports.Competition("C-2024", 40, new DateOnly(2024, 6, 1)));
        var community = (await cast.PostAsync("/api/v1/designations", new RecordDesignation(DesignationKind.CertifiedCommunity, "GL-1", DesignationLevel.City, new DateOnly(2022, 4, 1))))
            .ShouldBe(HttpStatusCode.Created).As<DesignationDto>();
        await ReviewSteps.CloseWithoutSignoffAsync(district.Admin, 2023, DateTimeOffset.UtcNow);

        // The 2024 competition is no part of 2023; the lab open day, the designation and the register of institutions count toward running totals.
        var (count, last) = await CountAsync(district.TenantId, [competition.Id, lab.Id, community.Id]);
        var seal = (await auditor.GetAsync("/api/v1/reviews/2023/seal")).ShouldBe(HttpStatusCode.OK).As<YearSealDto>();
        Assert.Equal((2023, true, count, last), (seal.Year, seal.Standing, seal.EventCount, seal.LastSequence));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(RepositoryRoot.Combine("services", "Gulou.Events.Api", "Plan", "Data", "gulou-2021-2025.json")))), seal.PlanSha256);
        Assert.Matches("^[0-9a-f]{64}$", seal.ChainSha256);
        Assert.Matches("^[0-9a-f]{64}$", seal.FiguresSha256);
        Assert.NotEmpty(seal.ServiceVersion);
        Assert.Equal(320, seal.Figures.Targets.Single(t => t.Code == "T-COMPETITION").Actual);

        var intact = await VerifyAsync(auditor);
        Assert.Equal(("intact", seal.ChainSha256, count, last), (intact.Result, intact.ChainSha256, intact.EventCount, intact.LastSequence));
        Assert.Null(intact.FirstDifference);
        Assert.True(intact.FiguresReproduced && intact.PlanUnchanged);
        var (exit, printed) = await ServiceCommand.RunAsync(app, "review", "verify-seal", "2023", "--tenant", district.TenantId);
        Assert.Equal(0, exit);
        Assert.Contains("intact", printed, StringComparison.Ordinal);

        var attendance = await SequenceOfAsync(district.TenantId, competition.Id, 2);
        var original = await SqlAsync<string>("select data::text from gulou_tests.mt_events where seq_id = ?", attendance);
        try
        {
            await SqlAsync<int>("update gulou_tests.mt_events set data = jsonb_set(data, '{added,youth}', '999') where seq_id = ? returning 1", attendance);

            var edited = await VerifyAsync(auditor);
            Assert.Equal("differs", edited.Result);
            Assert.NotEqual(seal.ChainSha256, edited.ChainSha256);
            Assert.Equal(new SealDifference(attendance, competition.Id, 2, "attendance_recorded", "changed", edited.FirstDifference!.Detail), edited.FirstDifference);
            Assert.False(edited.FiguresReproduced);
            (exit, printed) = await ServiceCommand.RunAsync(app, "review", "verify-seal", "2023", "--tenant", district.TenantId);
            Assert.NotEqual(0, exit);
            Assert.Contains($"sequence {attendance}", printed, StringComparison.Ordinal);
        }
        finally
        {
            await SqlAsync<int>("update gulou_tests.mt_events set data = ?::jsonb where seq_id = ? returning 1", original, attendance);
        }

        Assert.Equal("intact", (await VerifyAsync(auditor)).Result);

        var designated = await SequenceOfAsync(district.TenantId, community.Id, 1);
        var row = await SqlAsync<string>("select to_jsonb(e)::text from gulou_tests.mt_events e where seq_id = ?", designated);
        try
        {
            await SqlAsync<int>("delete from gulou_tests.mt_events where seq_id = ? returning 1", designated);

            var deleted = await VerifyAsync(auditor);
            Assert.Equal("differs", deleted.Result);
            Assert.Equal((designated, "missing"), (deleted.FirstDifference!.Sequence, deleted.FirstDifference.Change));
            Assert.Equal(count - 1, deleted.EventCount);
        }
        finally
        {
            await SqlAsync<int>("insert into gulou_tests.mt_events select * from jsonb_populate_record(null::gulou_tests.mt_events, ?::jsonb) returning 1", row);
        }

        Assert.Equal("intact", (await VerifyAsync(auditor)).Result);
    }

    [Fact]
    public async Task A_year_never_closed_has_no_seal()
    {
        var district = await app.NewDistrictAsync();
        var auditor = await district.AuditorAsync();
        (await auditor.GetAsync("/api/v1/reviews/2022/seal")).Problem(HttpStatusCode.NotFound);
        (await auditor.PostAsync("/api/v1/reviews/2022/seal/verification")).Problem(HttpStatusCode.NotFound);
        Assert.NotEqual(0, (await ServiceCommand.RunAsync(app, "review", "verify-seal", "2022", "--tenant", district.TenantId)).ExitCode);
    }

    private static async Task<SealVerificationDto> VerifyAsync(Actor reader) =>
        (await reader.PostAsync("/api/v1/reviews/2023/seal/verification")).ShouldBe(HttpStatusCode.OK).As<SealVerificationDto>();

    /// <summary>The events of the streams, and of every institution's registration (the register a coverage target counts).</summary>
    private async Task<(int Count, long Last)> CountAsync(string tenant, Guid[] streams)
    {
        const string counted = "tenant_id = ? and (stream_id = any(?) or stream_id in (select stream_id from gulou_tests.mt_events where tenant_id = ? and type = 'institution_registered'))";
        return ((int)await SqlAsync<long>($"select count(*) from gulou_tests.mt_events where {counted}", tenant, streams, tenant),
            await SqlAsync<long>($"select max(seq_id) from gulou_tests.mt_events where {counted}", tenant, streams, tenant));
    }

    private Task<long> SequenceOfAsync(string tenant, Guid stream, long version) =>
        SqlAsync<long>("select seq_id from gulou_tests.mt_events where tenant_id = ? and stream_id = ? and version = ?", tenant, stream, version);

    private async Task<T> SqlAsync<T>(string sql, params object[] parameters)
    {
        await using var session = app.Store.LightweightSession();
        return (await session.AdvancedSql.QueryAsync<T>(sql, CancellationToken.None, parameters)).Single();
    }
}
