namespace Gulou.Events.Contracts;

/// <summary>One page of a list: <c>{items, total, page, pageSize}</c>.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, long Total, int Page, int PageSize);
