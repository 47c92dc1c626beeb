using Kite.Hosting.Processes;
using Npgsql;

namespace Kite.Hosting.Postgres;

/// <summary>
/// A PostgreSQL server run from the installed binaries on a data folder it owns: initialised on first use,
/// started on a loopback port with a generated password, the Kite database created, and stopped with a fast shutdown.
/// Runs as the <c>postgres</c> account when we are root, because PostgreSQL refuses root.
/// </summary>
public sealed class PostgresServer(PostgresServerOptions options, Action<LogLine>? output = null) : IAsyncDisposable
{
    private const string ServiceAccount = "postgres";
    private const string Superuser = "postgres";
    private ChildProcess? process;

    public string DataDirectory => Path.Combine(options.RootDirectory, "data");
    public int Port { get; private set; }
    public ChildProcess? Process => process;

    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Password = ReadOrCreatePassword(),
        Database = options.Database,
    }.ConnectionString;

    /// <summary>Starts the server (initialising the folder if needed) and returns once the Kite database accepts connections.</summary>
    public async Task<ChildProcess> StartAsync(CancellationToken cancellationToken)
    {
        var binaries = PostgresBinaries.Locate();
        PrepareFolders();
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            await InitializeAsync(binaries, cancellationToken);
        }

        Port = options.Port != 0 ? options.Port : FreePort.Next();
        var arguments = new List<string>
        {
            "-D", DataDirectory, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1", "-c", $"unix_socket_directories={SocketDirectory}",
            "-c", $"max_connections={options.MaxConnections}", "-c", "logging_collector=off",
        };
        if (options.Ephemeral)
        {
            arguments.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }

        process = ChildProcess.Start(
            new ChildProcessSpec(binaries.Postgres, arguments) { RunAsUser = ServiceAccount, StopSignal = StopSignal.Interrupt },
            output);
        await WaitUntilReadyAsync(cancellationToken);
        return process;
    }

    public async Task StopAsync()
    {
        if (process is not null)
        {
            await process.StopAsync(TimeSpan.FromSeconds(30));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (process is not null)
        {
            await process.DisposeAsync();
        }
    }

    private string SocketDirectory => Path.Combine(options.RootDirectory, "socket");
    private string PasswordFile => Path.Combine(options.RootDirectory, "password");

    private void PrepareFolders()
    {
        Directory.CreateDirectory(SocketDirectory);
        Directory.CreateDirectory(DataDirectory);
        ReadOrCreatePassword();
        if (Posix.IsRoot)
        {
            // The postgres account must reach its folder through ours.
            for (var dir = Path.GetDirectoryName(Path.GetFullPath(options.RootDirectory)); dir is not null && dir != "/"; dir = Path.GetDirectoryName(dir))
            {
                var mode = File.GetUnixFileMode(dir);
                if (!mode.HasFlag(UnixFileMode.OtherExecute))
                {
                    File.SetUnixFileMode(dir, mode | UnixFileMode.OtherExecute);
                }
            }

            Chown(options.RootDirectory);
        }

        File.SetUnixFileMode(DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private async Task InitializeAsync(PostgresBinaries binaries, CancellationToken cancellationToken)
    {
        var arguments = new List<string>
        {
            "-D", DataDirectory, "-U", Superuser, "--pwfile", PasswordFile,
            "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--locale=C",
        };
        if (options.Ephemeral)
        {
            arguments.Add("--no-sync");
        }

        var lines = new List<string>();
        await using var initdb = ChildProcess.Start(
            new ChildProcessSpec(binaries.InitDb, arguments) { RunAsUser = ServiceAccount, OwnSession = false },
            line =>
            {
                lock (lines)
                {
                    lines.Add(line.Text);
                }

                output?.Invoke(line);
            });
        var exitCode = await initdb.Exited.WaitAsync(cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"initdb failed with exit code {exitCode} in {DataDirectory}: {string.Join(Environment.NewLine, lines.TakeLast(10))}");
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + options.StartTimeout;
        var server = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false, Timeout = 5 }.ConnectionString;
        Exception? last = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"PostgreSQL exited with code {await process.Exited} while starting on port {Port}; see its log lines above.");
            }

            try
            {
                await using var connection = new NpgsqlConnection(server);
                await connection.OpenAsync(cancellationToken);
                await EnsureDatabaseAsync(connection, cancellationToken);
                return;
            }
            catch (NpgsqlException ex)
            {
                last = ex;
                await Task.Delay(100, cancellationToken);
            }
        }

        throw new TimeoutException($"PostgreSQL did not accept connections on port {Port} within {options.StartTimeout.TotalSeconds} s: {last?.Message}");
    }

    private async Task EnsureDatabaseAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", options.Database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            var quoted = "\"" + options.Database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private string ReadOrCreatePassword() => GeneratedSecret.ReadOrCreate(PasswordFile);

    private static void Chown(string path)
    {
        using var chown = System.Diagnostics.Process.Start("chown", ["-R", $"{ServiceAccount}:{ServiceAccount}", path]);
        chown.WaitForExit();
        if (chown.ExitCode != 0)
        {
            throw new MissingPrerequisiteException($"Could not give {path} to the '{ServiceAccount}' account (is the postgresql package installed?).");
        }
    }
}
