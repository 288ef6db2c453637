using Gulou.Events.Api.Infrastructure.Json;
using Gulou.Events.Api.Projections.CommandLine;

namespace Gulou.Events.UnitTests.Reviews;

public sealed class CanonicalJsonTests
{
    [Fact]
    public void Member_order_does_not_matter_but_values_do()
    {
        Assert.Equal(CanonicalJson.Of("""{"b":1,"a":{"y":[1,2],"x":"s"}}"""), CanonicalJson.Of("""{"a":{"x":"s","y":[1,2]},"b":1}"""));
        Assert.NotEqual(CanonicalJson.Of("""{"a":[1,2]}"""), CanonicalJson.Of("""{"a":[2,1]}"""));
        Assert.NotEqual(CanonicalJson.Of("""{"a":1}"""), CanonicalJson.Of("""{"a":2}"""));
    }

    [Fact]
    public void Instants_compare_to_the_microsecond_the_database_keeps()
    {
        Assert.Equal(CanonicalJson.Of("""{"t":"2026-11-28T22:40:48.3863608+00:00"}"""), CanonicalJson.Of("""{"t":"2026-11-28T22:40:48.38636+00:00"}"""));
        Assert.NotEqual(CanonicalJson.Of("""{"t":"2026-11-28T22:40:48.386361+00:00"}"""), CanonicalJson.Of("""{"t":"2026-11-28T22:40:48.38636+00:00"}"""));
    }

    [Fact]
    public void A_number_is_its_value_whatever_its_scale()
    {
        Assert.Equal(CanonicalJson.Of("""{"h":0.0,"n":12.50}"""), CanonicalJson.Of("""{"h":0,"n":12.5}"""));
        Assert.NotEqual(CanonicalJson.Of("""{"h":0.1}"""), CanonicalJson.Of("""{"h":0}"""));
    }

    [Theory]
    [InlineData("projections verify --env x", "verify-projections --env x")]
    [InlineData("projections rebuild -p Progress", "projections rebuild -p Progress")]
    [InlineData("review 2025", "review 2025")]
    public void Projections_verify_reaches_the_verification_command(string given, string run) =>
        Assert.Equal(run.Split(' '), VerifyProjectionsCommand.Alias(given.Split(' ')));
}
