using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Tallies;
using Gulou.Events.Api.Reviews.Locking;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Reviews;
using Gulou.Events.Contracts.Volunteers;
using Gulou.Events.Tests;
using JasperFx.Events;

namespace Gulou.Events.UnitTests.Reviews;

/// <summary>With 2023 closed, which changes the lock lets through: decided by folding the change onto the record's history.</summary>
public sealed class YearLockTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Guid Partner = Guid.NewGuid();
    private static readonly Guid Stream = Guid.NewGuid();

    private static LockedYears Closed2023(params YearExceptionDto[] exceptions) => new(TestPlan.Shipped, [new ClosedYear(2023, [.. exceptions])], Now);

    private static ActivityReported Reported(string kind, DateOnly day, int youth = 100) =>
        new(Stream, Partner, "r", kind, TestPlan.Shipped.Kind(kind)!.DefaultMeasures, "t", day, null, null, null, new AudienceCounts(Youth: youth), 0m, "h");

    private static IEvent[] History(params object[] events) => events.Select((data, i) =>
    {
        var e = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
        e.StreamId = Stream;
        e.Version = i + 1;
        e.Timestamp = Now.AddDays(-30);
        return e;
    }).ToArray();

    private static string? Refused<T>(LockedYears locked, IEvent[] history, params object[] events) where T : class, ITally<T>, new() =>
        locked.Refusal<T>(Partner, Stream, history, events)?.Code;

    [Fact]
    public void Reports_count_toward_their_year_and_running_totals_toward_the_years_after()
    {
        Assert.Equal(ErrorCodes.YearLocked, Refused<ActivityTally>(Closed2023(), [], Reported("competition", new DateOnly(2023, 5, 1))));
        Assert.Null(Refused<ActivityTally>(Closed2023(), [], Reported("competition", new DateOnly(2022, 5, 1))));
        Assert.Null(Refused<ActivityTally>(Closed2023(), [], Reported("competition", new DateOnly(2024, 5, 1))));
        Assert.Equal(ErrorCodes.YearLocked, Refused<ActivityTally>(Closed2023(), [], Reported("lab_open_day", new DateOnly(2022, 5, 1))));
        Assert.Null(Refused<ActivityTally>(Closed2023(), [], Reported("lab_open_day", new DateOnly(2024, 5, 1))));
    }

    [Fact]
    public void A_change_that_leaves_the_figures_alone_passes_but_moving_an_activity_across_a_closed_year_does_not()
    {
        var history = History(Reported("competition", new DateOnly(2023, 5, 1)));
        Assert.Null(Refused<ActivityTally>(Closed2023(), history, new EvidenceAttached(Stream, Guid.NewGuid(), EvidenceKind.Photo, "https://x.org/p.jpg", null, null)));
        Assert.Equal(ErrorCodes.YearLocked, Refused<ActivityTally>(Closed2023(), history, new AttendanceRecorded(Stream, new AudienceCounts(Youth: 1), 0m)));

        var rejected = History(Reported("competition", new DateOnly(2024, 5, 1)), new ActivityRejected(Stream, Guid.NewGuid(), "无佐证"));
        var moveIn = new ActivityCorrected(Stream, "competition", ["ACT-03"], "t", new DateOnly(2023, 12, 30), null, null, null, new AudienceCounts(Youth: 100), 0m, ["occurredOn"]);
        Assert.Equal(ErrorCodes.YearLocked, Refused<ActivityTally>(Closed2023(), rejected, moveIn));
    }

    [Fact]
    public void A_closed_year_of_the_next_plan_is_locked_by_that_plans_figures()
    {
        var next = CurrentPlan.Load(RepositoryRoot.Combine("tests", "Fixtures", "plans", "test-fixture-2026-2030.json"));
        var locked = new LockedYears([new ClosedYear(2023, []), new ClosedYear(2026, [])], year => year >= 2026 ? next : TestPlan.Shipped, Now);
        var lecture = new ActivityReported(Stream, Partner, "r", "ai_lecture", ["FX-01"], "t", new DateOnly(2026, 3, 1), null, null, null, new AudienceCounts(Youth: 40), 0m, "h");
        var history = History(lecture);
        var attendance = new AttendanceRecorded(Stream, new AudienceCounts(Youth: 41), 0m);

        // Counted by the shipped plan alone, a 2026 lecture adds nothing to any closed year; by its own plan it adds to 2026.
        Assert.Null(Refused<ActivityTally>(new LockedYears(TestPlan.Shipped, [new ClosedYear(2023, []), new ClosedYear(2026, [])], Now), history, attendance));
        Assert.Equal(ErrorCodes.YearLocked, Refused<ActivityTally>(locked, history, attendance));
        Assert.Equal(ErrorCodes.YearLocked, Refused<ActivityTally>(locked, [], lecture));
        Assert.Null(Refused<ActivityTally>(locked, History(Reported("competition", new DateOnly(2024, 5, 1))), attendance));
        Assert.Equal(ErrorCodes.YearLocked, Refused<ActivityTally>(locked, History(Reported("competition", new DateOnly(2023, 5, 1))), attendance));
    }

    [Fact]
    public void An_exception_covers_its_institution_until_it_expires()
    {
        var report = Reported("competition", new DateOnly(2023, 5, 1));
        YearExceptionDto For(Guid institution, DateTimeOffset expires) => new(Guid.NewGuid(), institution, "补报", Now.AddDays(-1), expires, Guid.NewGuid(), false);

        Assert.Null(Refused<ActivityTally>(Closed2023(For(Partner, Now.AddDays(1))), [], report));
        Assert.Equal(ErrorCodes.YearLocked, Refused<ActivityTally>(Closed2023(For(Partner, Now)), [], report));
        Assert.Equal(ErrorCodes.YearLocked, Refused<ActivityTally>(Closed2023(For(Guid.NewGuid(), Now.AddDays(1))), [], report));
    }

    [Fact]
    public void Designations_and_volunteers_are_locked_where_they_change_a_standing_count()
    {
        var unit = Guid.NewGuid();
        var community = new SubjectDesignated(Stream, DesignationKind.CertifiedCommunity, "GL-1", "社区", DesignationLevel.City, new DateOnly(2021, 3, 1), unit);
        Assert.Equal(ErrorCodes.YearLocked, Refused<DesignationTally>(Closed2023(), [], community));
        Assert.Null(Refused<DesignationTally>(Closed2023(), [], community with { AwardedOn = new DateOnly(2024, 3, 1) }));
        Assert.Null(Refused<DesignationTally>(Closed2023(), History(community), new DesignationRevoked(Stream, null, "撤销", new DateOnly(2024, 2, 1), unit)));
        Assert.Equal(ErrorCodes.YearLocked, Refused<DesignationTally>(Closed2023(), History(community), new DesignationRevoked(Stream, null, "撤销", new DateOnly(2023, 2, 1), unit)));

        var joined = new VolunteerRegistered("pk", Partner, new DateOnly(2022, 6, 1));
        Assert.Equal(ErrorCodes.YearLocked, Refused<VolunteerTally>(Closed2023(), [], joined));
        // A second institution registering a standing volunteer changes no count at all.
        Assert.Null(Refused<VolunteerTally>(Closed2023(), History(joined), new VolunteerRegistered("pk", Guid.NewGuid(), new DateOnly(2023, 6, 1))));
    }

    [Fact]
    public void Nothing_is_locked_while_no_year_is_closed() =>
        Assert.Null(new LockedYears(TestPlan.Shipped, [], Now).Refusal<ActivityTally>(Partner, Stream, [], [Reported("competition", new DateOnly(2023, 5, 1))]));
}
