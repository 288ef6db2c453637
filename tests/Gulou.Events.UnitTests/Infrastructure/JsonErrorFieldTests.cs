using Gulou.Events.Api.Infrastructure.Errors;

namespace Gulou.Events.UnitTests.Infrastructure;

public sealed class JsonErrorFieldTests
{
    [Theory]
    [InlineData("The JSON value could not be converted to System.Int32. Path: $.attendance.youth | LineNumber: 0 | BytePositionInLine: 20.", "attendance.youth")]
    [InlineData("The JSON value could not be converted to System.String. Path: $.measureCodes[1] | LineNumber: 0", "measureCodes[1]")]
    [InlineData("The JSON property 'yuoth' could not be mapped to any .NET member contained in type 'AudienceCounts'. Path: $.attendance | LineNumber: 0", "attendance.yuoth")]
    [InlineData("The JSON property 'titel' could not be mapped to any .NET member contained in type 'ReportActivity'. Path: $ | LineNumber: 0", "titel")]
    [InlineData("'}' is invalid after a value. Path: $ | LineNumber: 0 | BytePositionInLine: 9.", "body")]
    [InlineData(null, "body")]
    public void The_field_is_read_from_the_readers_message(string? message, string field) =>
        Assert.Equal(field, ProblemDetailsSetup.FieldFromJsonMessage(message));
}
