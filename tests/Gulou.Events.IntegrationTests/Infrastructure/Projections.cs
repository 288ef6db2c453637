using System.Net;
using Gulou.Events.Contracts.Reviews;

namespace Gulou.Events.IntegrationTests.Infrastructure;

/// <summary>Background projection operations, started and followed to their end over the API.</summary>
internal static class Projections
{
    /// <summary>Replays the whole log into scratch copies and compares them with the live documents.</summary>
    public static async Task<ProjectionOperationDto> VerifyAsync(Actor admin)
    {
        var accepted = (await admin.PostAsync("/api/v1/admin/projections/verify")).ShouldBe(HttpStatusCode.Accepted).As<ProjectionOperationDto>();
        return await WaitAsync(admin, accepted.Id);
    }

    public static async Task<ProjectionOperationDto> WaitAsync(Actor admin, Guid id)
    {
        for (var i = 0; i < 600; i++)
        {
            var operation = (await admin.GetAsync($"/api/v1/admin/projections/operations/{id}")).ShouldBe(HttpStatusCode.OK).As<ProjectionOperationDto>();
            if (operation.State is "succeeded" or "failed")
            {
                return operation;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Operation {id} did not finish.");
    }
}
