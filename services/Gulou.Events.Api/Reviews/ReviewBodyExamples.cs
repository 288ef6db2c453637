using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Contracts.Reviews;

namespace Gulou.Events.Api.Reviews;

/// <summary>Closing a year with its figures as known at the end of January, for the OpenAPI document.</summary>
public sealed class ReviewBodyExamples : IBodyExamples
{
    public IEnumerable<object> Examples => [new CloseYear(new DateTimeOffset(2024, 1, 31, 23, 59, 59, TimeSpan.FromHours(8)))];
}
