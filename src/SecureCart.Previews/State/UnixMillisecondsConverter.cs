using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SecureCart.Previews.State;

/// <summary>Stores instants as Unix milliseconds: SQLite cannot compare or order DateTimeOffset, and an integer sorts alike everywhere.</summary>
public sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.ToUnixTimeMilliseconds(),
    value => DateTimeOffset.FromUnixTimeMilliseconds(value));
