using System.Security.Cryptography;
using System.Text;
using Gulou.Events.Api.Reviews.CommandLine;
using Gulou.Events.Api.Reviews.Sealing;

namespace Gulou.Events.UnitTests.Reviews;

public sealed class SealChainTests
{
    private static readonly DateTimeOffset AsOf = new(2024, 1, 31, 16, 0, 0, TimeSpan.Zero);
    private static readonly Guid A = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    private static readonly Guid B = Guid.Parse("0193a000-0000-7000-8000-000000000002");

    private static readonly LoggedEvent[] Log =
    [
        new(10, A, 1, "activity_reported", """{"attendance":{"youth":300},"title":"c"}""", new DateTimeOffset(2023, 6, 1, 2, 0, 0, TimeSpan.Zero)),
        new(11, B, 1, "subject_designated", """{"subjectKey":"GL-1"}""", new DateTimeOffset(2023, 6, 2, 2, 0, 0, TimeSpan.Zero)),
        new(14, A, 2, "attendance_recorded", """{"added":{"youth":20}}""", new DateTimeOffset(2023, 6, 3, 2, 0, 0, TimeSpan.Zero)),
    ];

    /// <summary>The log's data is written in canonical form already (members in order, no spaces), so each line can be written out here.</summary>
    [Fact]
    public void The_chain_is_sha256_over_the_seed_and_each_events_line_in_order()
    {
        var result = SealChain.Compute("gulou", 2023, AsOf, Log);

        var link = SHA256.HashData(Encoding.UTF8.GetBytes("gulou.events seal v1\ngulou\n2023\n2024-01-31T16:00:00.000000Z"));
        foreach (var e in Log)
        {
            var line = $"{e.Sequence}\n{e.StreamId}\n{e.Version}\n{e.Type}\n{e.Data}\n{e.Timestamp.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss}.000000Z";
            link = SHA256.HashData([.. link, .. SHA256.HashData(Encoding.UTF8.GetBytes(line))]);
        }

        Assert.Equal((Convert.ToHexStringLower(link), 3, 14L), (result.ChainSha256, result.Count, result.LastSequence));
        Assert.Equal(Log.Select(e => e.Sequence), SealChain.Entries(result.Digests).Select(e => e.Sequence));
    }

    [Fact]
    public void Member_order_in_the_data_does_not_change_the_chain_but_any_value_does()
    {
        var sealedChain = SealChain.Compute("gulou", 2023, AsOf, Log).ChainSha256;
        LoggedEvent[] reordered = [Log[0] with { Data = """{"title":"c","attendance":{"youth":300}}""" }, Log[1], Log[2]];
        Assert.Equal(sealedChain, SealChain.Compute("gulou", 2023, AsOf, reordered).ChainSha256);

        Assert.NotEqual(sealedChain, SealChain.Compute("gulou", 2024, AsOf, Log).ChainSha256);
        Assert.NotEqual(sealedChain, SealChain.Compute("other", 2023, AsOf, Log).ChainSha256);
        Assert.NotEqual(sealedChain, SealChain.Compute("gulou", 2023, AsOf, [Log[0] with { Timestamp = Log[0].Timestamp.AddTicks(10) }, Log[1], Log[2]]).ChainSha256);
        Assert.NotEqual(sealedChain, SealChain.Compute("gulou", 2023, AsOf, [Log[0], Log[1] with { Version = 2 }, Log[2]]).ChainSha256);
        Assert.NotEqual(sealedChain, SealChain.Compute("gulou", 2023, AsOf, [Log[0], Log[1] with { Type = "subject_revoked" }, Log[2]]).ChainSha256);
    }

    [Fact]
    public void The_first_difference_names_a_changed_a_missing_or_an_inserted_event()
    {
        var digests = SealChain.Compute("gulou", 2023, AsOf, Log).Digests;
        Assert.Null(SealChain.FirstDifference(Log, digests, _ => null));

        var changed = SealChain.FirstDifference([Log[0], Log[1] with { Data = """{"subjectKey":"GL-9"}""" }, Log[2] with { Data = "{}" }], digests, _ => null)!;
        Assert.Equal((11L, B, 1L, "subject_designated", "changed"), (changed.Sequence!.Value, changed.StreamId!.Value, changed.Version!.Value, changed.Type, changed.Change));

        var missing = SealChain.FirstDifference([Log[0], Log[2]], digests, _ => null)!;
        Assert.Equal((11L, "missing"), (missing.Sequence!.Value, missing.Change));

        // Still in the log, but no longer under the seal (its time moved past the cut-off): named as changed.
        var moved = SealChain.FirstDifference([Log[0], Log[2]], digests, s => s == 11 ? Log[1] with { Timestamp = AsOf.AddDays(1) } : null)!;
        Assert.Equal((11L, B, "changed"), (moved.Sequence!.Value, moved.StreamId!.Value, moved.Change));

        LoggedEvent inserted = new(12, A, 9, "attendance_recorded", """{"added":{"youth":5000}}""", Log[1].Timestamp);
        var extra = SealChain.FirstDifference([Log[0], Log[1], inserted, Log[2]], digests, _ => null)!;
        Assert.Equal((12L, "inserted"), (extra.Sequence!.Value, extra.Change));

        var appended = SealChain.FirstDifference([.. Log, inserted with { Sequence = 20 }], digests, _ => null)!;
        Assert.Equal((20L, "inserted"), (appended.Sequence!.Value, appended.Change));
    }

    [Fact]
    public void An_empty_year_seals_to_its_seed()
    {
        var result = SealChain.Compute("gulou", 2021, AsOf, []);

        Assert.Equal((0, 0L, ""), (result.Count, result.LastSequence, result.Digests));
        Assert.Equal(Convert.ToHexStringLower(SealChain.Seed("gulou", 2021, AsOf)), result.ChainSha256);
    }

    [Theory]
    [InlineData("review verify-seal 2025 --tenant x", "verify-seal 2025 --tenant x")]
    [InlineData("review 2025", "review 2025")]
    [InlineData("projections verify", "projections verify")]
    public void Review_verify_seal_reaches_the_seal_command(string given, string run) =>
        Assert.Equal(run.Split(' '), VerifySealCommand.Alias(given.Split(' ')));
}
