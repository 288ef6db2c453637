using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Reviews;
using Gulou.Events.Contracts.Plan;

namespace Gulou.Events.UnitTests.Plan;

/// <summary>What the annual review takes from the catalog: the reporting deadline, the statistics columns and the units that sign off.</summary>
public sealed class ReviewCatalogTests
{
    private static readonly CurrentPlan Plan = TestPlan.Shipped;

    [Fact]
    public void A_years_activities_are_due_by_the_end_of_31_January_of_the_next_year_in_the_district()
    {
        var (day, end) = Plan.ReportingDeadline(2023);

        Assert.Equal(new DateOnly(2024, 1, 31), day);
        Assert.Equal(new DateTimeOffset(2024, 1, 31, 16, 0, 0, TimeSpan.Zero), end);
    }

    [Fact]
    public void Every_activity_kind_falls_in_one_statistics_column_and_new_kinds_in_the_others_column()
    {
        var (columns, columnOf) = Plan.StatisticsColumns();

        Assert.Equal(["lectures", "exhibitions", "competitions", "trainings", "open_days", "themed_events", "exchanges", "volunteer_services", "others"], columns.Select(c => c.Code));
        Assert.All(Plan.Catalog.ActivityKinds, k => Assert.Single(columns, c => c.Kinds.Contains(k.Code)));
        Assert.Equal("competitions", columnOf("competition")!.Code);
        Assert.Equal("volunteer_services", columnOf("volunteer_session")!.Code);
        Assert.Equal("others", columnOf("a_kind_added_later")!.Code);
    }

    [Fact]
    public void The_units_that_sign_off_are_every_lead_and_participating_unit_of_a_measure()
    {
        var named = Plan.Catalog.Measures.SelectMany(m => m.LeadUnits.Concat(m.ParticipatingUnits)).Distinct().Order();

        Assert.Equal(named, Plan.SignoffUnits().Select(u => u.Code).Order());
        Assert.Contains(Plan.SignoffUnits(), u => u.Code == Plan.CoordinatingUnit);
    }

    [Fact]
    public void A_broken_deadline_or_statistics_column_is_refused()
    {
        var columns = Plan.Catalog.StatisticsColumns!;
        var broken = Plan.Catalog with
        {
            ReportingDeadline = new AnnualDeadline(2, 29),
            StatisticsColumns = [.. columns, new StatisticsColumn("extra", new LocalizedText("额外", "Extra"), ["competition", "mystery"], Others: true)],
        };

        var problems = PlanCatalogRules.Check(broken);

        Assert.Contains("the reporting deadline 2-29 is not a day of every year", problems);
        Assert.Contains(problems, p => p.Contains("statistics column extra counts kind mystery", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("competition appears 2 times", StringComparison.Ordinal));
        Assert.Contains("more than one statistics column takes the other kinds", problems);
        Assert.Empty(PlanCatalogRules.Check(Plan.Catalog));
    }
}
