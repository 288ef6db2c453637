using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Contracts.Reviews;

namespace Gulou.Events.Api.Reviews;

/// <summary>Closing a year with its figures as known at the end of January, for the OpenAPI document.</summary>
public sealed class ReviewBodyExamples : IBodyExamples
{
    public IEnumerable<object> Examples =>
    [
        new CloseYear(new DateTimeOffset(2024, 1, 31, 23, 59, 59, TimeSpan.FromHours(8))),
        new SignOffUnitYear("2023 年度活动台账与签到表已齐。"),
        new ReturnUnitYear("第四季度三场讲座缺少签到表。"),
        new ReopenYear("市级抽查发现 2023 年一场竞赛重复统计。"),
    ];
}
