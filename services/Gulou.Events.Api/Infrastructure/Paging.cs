using Gulou.Events.Api.Infrastructure.Errors;

namespace Gulou.Events.Api.Infrastructure;

public static class Paging
{
    public const int DefaultPageSize = 50;

    /// <summary>Reads <c>page</c> (from 1) and <c>pageSize</c> (1 to <paramref name="maxPageSize"/>), refusing anything else.</summary>
    public static (int Page, int PageSize) Read(int? page, int? pageSize, int maxPageSize)
    {
        var p = page ?? 1;
        var size = pageSize ?? Math.Min(DefaultPageSize, maxPageSize);
        if (p < 1 || p > 1_000_000)
        {
            throw ProblemException.Invalid("page", "Pages are numbered from 1.");
        }

        if (size < 1 || size > maxPageSize)
        {
            throw ProblemException.Invalid("pageSize", $"A page holds 1 to {maxPageSize} items.");
        }

        return (p, size);
    }
}
