using System.Net;
using Gulou.Events.Contracts.Plan;
using Gulou.Events.Contracts.Reviews;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Reviews;

/// <summary>Steps of a year's review over the API, for tests whose subject is something else.</summary>
internal static class ReviewSteps
{
    /// <summary>The units that sign a year off: the lead and participating units of every measure of the plan, read from the plan itself.</summary>
    public static async Task<IReadOnlyList<string>> SignoffUnitsAsync(Actor reader)
    {
        var plan = (await reader.GetAsync("/api/v1/plan")).ShouldBe(HttpStatusCode.OK).As<PlanCatalog>();
        var named = plan.Measures.SelectMany(m => m.LeadUnits.Concat(m.ParticipatingUnits)).ToHashSet();
        return plan.Units.Select(u => u.Code).Where(named.Contains).ToList();
    }

    /// <summary>Closes a year as of <paramref name="asOf"/> without any unit's sign-off (an override naming every unit).</summary>
    public static async Task<ClosedYearDto> CloseWithoutSignoffAsync(Actor closer, int year, DateTimeOffset asOf)
    {
        var units = await SignoffUnitsAsync(closer);
        return (await closer.PostAsync($"/api/v1/reviews/{year}/close", new CloseYear(asOf, units, "检验用：未经各单位确认即关账")))
            .ShouldBe(HttpStatusCode.Created).As<ClosedYearDto>();
    }

    /// <summary>The coordinating unit lets an institution change a closed year for a week.</summary>
    public static async Task<YearExceptionDto> GrantAsync(Actor coordinator, int year, Guid institutionId, DateTimeOffset now) =>
        (await coordinator.PostAsync($"/api/v1/reviews/{year}/exceptions", new YearExceptionGrant(institutionId, "补报遗漏活动", now.AddDays(7))))
            .ShouldBe(HttpStatusCode.Created).As<YearExceptionDto>();
}
