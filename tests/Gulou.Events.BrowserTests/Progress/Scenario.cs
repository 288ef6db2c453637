using System.Net;
using Gulou.Events.BrowserTests.Infrastructure;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Indicators;
using Gulou.Events.Contracts.Institutions;
using Gulou.Events.Contracts.Volunteers;

namespace Gulou.Events.BrowserTests.Progress;

/// <summary>
/// A district with a few years of activity: reports, added attendance, verifications, a rejection and a retraction, a
/// rejected report amended since, a report held above its ceiling, a school's visit to a university's lab, designations,
/// volunteers and surveys.
/// </summary>
public sealed class Scenario
{
    public District District { get; private set; } = null!;

    public Actor Fzu { get; private set; } = null!;

    public Actor Education { get; private set; } = null!;

    public Actor Auditor { get; private set; } = null!;

    /// <summary>Reported by FZU, attendance added by FZU, verified by the education bureau.</summary>
    public ActivityDto VerifiedCompetition { get; private set; } = null!;

    /// <summary>A middle school's pupils in FZU's lab, 2023: FZU hosts it.</summary>
    public ActivityDto HostedLabDay { get; private set; } = null!;

    /// <summary>A primary school no science-education activity reached in 2023.</summary>
    public Actor Primary { get; private set; } = null!;

    private static Task<Scenario>? _shared;

    /// <summary>Seeded once for the tests that only read it.</summary>
    public static Task<Scenario> SharedAsync(BrowserFixture browser) => _shared ??= SeedAsync(browser);

    private static async Task<Scenario> SeedAsync(BrowserFixture browser)
    {
        var s = new Scenario { District = await browser.NewDistrictAsync() };
        s.Fzu = await s.District.PartnerAsync("福州大学");
        var fjnu = await s.District.PartnerAsync("福建师范大学");
        var school = await s.District.SchoolAsync("福州第十六中学", SchoolStage.JuniorSecondary, SchoolStage.SeniorSecondary);
        s.Primary = await s.District.SchoolAsync("鼓楼第一中心小学", SchoolStage.Primary);
        s.Education = await s.District.UnitAsync("EDU", "区教育局");
        var cast = await s.District.UnitAsync("CAST", "区科协");
        var union = await s.District.UnitAsync("UNION", "区总工会");
        s.Auditor = await s.District.AuditorAsync();

        await s.Fzu.ReportAsync("fzu-1", "lab_open_day", "2022-05-01", new AudienceCounts(Youth: 100), "化学实验室开放日");
        var rejected = await fjnu.ReportAsync("fjnu-1", "lab_open_day", "2023-04-01", new AudienceCounts(Youth: 30), "物理实验室开放日");
        await s.Education.Api.PostAsync<ActivityDto>($"/api/v1/activities/{rejected.Id}/verification", new VerifyActivity(VerificationDecision.Rejected, "无签到表"), HttpStatusCode.OK);
        await school.ReportAsync("school-1", "lab_open_day", "2024-06-01", new AudienceCounts(Youth: 20, Public: 15), "生物实验室开放日");

        var competition = await s.Fzu.ReportAsync("fzu-2", "competition", "2023-03-01", new AudienceCounts(Youth: 4000), "青少年机器人竞赛");
        competition = await s.Fzu.AmendAsync(competition, "attendance", new RecordAttendance(competition.Version, Youth: 500));
        s.VerifiedCompetition = await s.Education.Api.PostAsync<ActivityDto>($"/api/v1/activities/{competition.Id}/verification", new VerifyActivity(VerificationDecision.Verified), HttpStatusCode.OK);
        await fjnu.ReportAsync("fjnu-2", "competition", "2023-10-01", new AudienceCounts(Youth: 2200), "青少年科技创新大赛");
        var retracted = await school.ReportAsync("school-2", "competition", "2023-05-01", new AudienceCounts(Youth: 300), "校园数学竞赛");
        await school.AmendAsync(retracted, "retraction", new RetractActivity(retracted.Version, "重复报送"));
        await fjnu.ReportAsync("fjnu-3", "competition", "2024-11-11", new AudienceCounts(Youth: 2700, Public: 5), "青少年航模竞赛");
        await s.Fzu.ReportAsync("fzu-3", "health_talk", "2024-03-01", new AudienceCounts(Elderly: 80), "老年人健康讲座");
        await s.Fzu.ReportAsync("fzu-4", "campus_lecture", "2021-09-01", new AudienceCounts(Youth: 200), "院士进校园");
        await school.ReportAsync("school-3", "volunteer_session", "2025-01-10", new AudienceCounts(Public: 30), "社区科普志愿服务");
        s.HostedLabDay = await school.ReportAsync("school-4", "lab_open_day", "2023-11-01", new AudienceCounts(Youth: 45), "走进福大化学实验室", s.Fzu.InstitutionId);
        var resubmitted = await fjnu.ReportAsync("fjnu-4", "competition", "2023-12-01", new AudienceCounts(Youth: 600), "青少年编程竞赛");
        resubmitted = await s.Education.Api.PostAsync<ActivityDto>($"/api/v1/activities/{resubmitted.Id}/verification", new VerifyActivity(VerificationDecision.Rejected, "无签到表"), HttpStatusCode.OK);
        await fjnu.AmendAsync(resubmitted, "attendance", new RecordAttendance(resubmitted.Version, Youth: 20));
        await s.Fzu.ReportAsync("fzu-5", "lab_open_day", "2023-12-20", new AudienceCounts(Youth: 2_600), "全校实验室开放周");

        await Designate(cast, DesignationKind.CertifiedCommunity, "GL-1", "鼓东街道社区", DesignationLevel.City, "2020-06-01");
        await Designate(cast, DesignationKind.CertifiedCommunity, "GL-2", "温泉街道社区", DesignationLevel.City, "2022-03-01");
        var teacher = await Designate(s.Education, DesignationKind.BackboneTeacher, "T-1", "骨干教师甲", DesignationLevel.District, "2021-09-10", "physics");
        await Designate(union, DesignationKind.ModelWorkerStudio, "S-1", "劳模创新工作室", DesignationLevel.City, "2022-04-28");

        await s.Fzu.Api.PostAsync<VolunteerDto>("/api/v1/volunteers", new RegisterVolunteer("350102199003071234", new DateOnly(2022, 3, 1)), HttpStatusCode.Created);
        await fjnu.Api.PostAsync<VolunteerDto>("/api/v1/volunteers", new RegisterVolunteer("35010219851122006X", new DateOnly(2023, 3, 1)), HttpStatusCode.Created);
        await cast.Api.PostAsync<IndicatorDto>("/api/v1/indicators/T-LITERACY/observations", new RecordObservation(2023, 160, 1000, "2023年抽样调查"), HttpStatusCode.Created);
        await cast.Api.PostAsync<IndicatorDto>("/api/v1/indicators/T-LITERACY/observations", new RecordObservation(2025, 185, 1000, "2025年抽样调查"), HttpStatusCode.Created);

        // The baseline survey, the rankings beside literacy and communities, a verified teacher and a community revoked for cause.
        await cast.Api.PostAsync<IndicatorDto>("/api/v1/indicators/T-LITERACY/observations", new RecordObservation(2020, 140, 1000, "2020年基线调查"), HttpStatusCode.Created);
        await cast.Api.PostAsync<IndicatorDto>("/api/v1/indicators/T-LITERACY-RANK-CITY/observations", new RecordObservation(2020, null, null, "2020年全市通报", Rank: 5, Of: 13), HttpStatusCode.Created);
        await cast.Api.PostAsync<IndicatorDto>("/api/v1/indicators/T-LITERACY-RANK-CITY/observations", new RecordObservation(2023, null, null, "2023年全市通报", Rank: 2, Of: 13), HttpStatusCode.Created);
        await s.Education.Api.PostAsync<IndicatorDto>("/api/v1/indicators/T-LITERACY-RANK-CITY/observations/2/verification", new VerifyRecord(VerificationDecision.Verified), HttpStatusCode.OK);
        await cast.Api.PostAsync<IndicatorDto>("/api/v1/indicators/T-COMMUNITIES-RANK/observations", new RecordObservation(2022, null, null, "2022年全市通报", Rank: 1, Of: 13), HttpStatusCode.Created);
        await cast.Api.PostAsync<DesignationDto>($"/api/v1/designations/{teacher.Id}/verification", new VerifyDesignation(VerificationDecision.Verified), HttpStatusCode.OK);
        var revoked = await Designate(cast, DesignationKind.CertifiedCommunity, "GL-3", "东街街道社区", DesignationLevel.City, "2021-06-01");
        await cast.Api.PostAsync<DesignationDto>($"/api/v1/designations/{revoked.Id}/revocation", new RevokeDesignation("复核未通过", new DateOnly(2023, 6, 1)), HttpStatusCode.OK);
        return s;
    }

    private static Task<DesignationDto> Designate(Actor unit, DesignationKind kind, string key, string name, DesignationLevel level, string day, string? subject = null) =>
        unit.Api.PostAsync<DesignationDto>(
            "/api/v1/designations", new RecordDesignation(kind, key, level, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), name, subject), HttpStatusCode.Created);
}
