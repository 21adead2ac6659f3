using Salon.Application.Common.Paging;
using Salon.Domain.Common;

namespace Salon.UnitTests.Application;

public sealed class KeysetCursorTests
{
    [Fact]
    public void A_cursor_round_trips_and_is_opaque()
    {
        var cursor = new KeysetCursor(new DateTime(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc).AddTicks(1234), Guid.CreateVersion7());
        var encoded = cursor.Encode();
        Assert.DoesNotContain(cursor.Id.ToString("N"), encoded, StringComparison.Ordinal);
        Assert.Equal(cursor, KeysetCursor.Decode(encoded));
    }

    [Theory]
    [InlineData("%%%")]
    [InlineData("bm90LWEtY3Vyc29y")]
    public void A_malformed_cursor_is_invalid_input(string cursor)
    {
        var ex = Assert.Throws<SalonException>(() => KeysetCursor.Decode(cursor));
        Assert.Equal(ErrorKind.Invalid, ex.Kind);
    }

    [Fact]
    public void No_cursor_means_the_first_page() => Assert.Null(KeysetCursor.Decode(null));

    [Theory]
    [InlineData(null, PageLimits.Default)]
    [InlineData(0, PageLimits.Default)]
    [InlineData(5, 5)]
    [InlineData(1000, PageLimits.Max)]
    public void Limits_are_clamped(int? asked, int expected) => Assert.Equal(expected, PageLimits.Clamp(asked));
}
