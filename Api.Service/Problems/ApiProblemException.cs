namespace Kite.Api.Problems;

/// <summary>
/// Bad input found while reading a request (a query parameter, a header, the body). Thrown where it is found and
/// turned into RFC 7807 problem details by <see cref="ApiProblemHandler"/>, naming <see cref="Field"/>.
/// </summary>
public sealed class ApiProblemException(int status, string field, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Field { get; } = field;

    public static ApiProblemException BadRequest(string field, string message) => new(StatusCodes.Status400BadRequest, field, message);

    public static ApiProblemException Unprocessable(string field, string message) => new(StatusCodes.Status422UnprocessableEntity, field, message);

    public static ApiProblemException TooLarge(string field, string message) => new(StatusCodes.Status413PayloadTooLarge, field, message);

    public static ApiProblemException UnsupportedMediaType(string message) => new(StatusCodes.Status415UnsupportedMediaType, "Content-Type", message);
}
