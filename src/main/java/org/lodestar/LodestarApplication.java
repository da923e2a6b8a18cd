package org.lodestar;

import org.lodestar.enrollment.ForecastCommand;
import org.lodestar.insights.ThemesCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Lodestar: a school district's strategic plan as a living system. With {@code forecast} or {@code backtest} as its
 * first argument it runs the analysts' enrollment command line instead, with no web server and no database; with
 * {@code themes}, the theme command line of open comments.
 */
@SpringBootApplication
public class LodestarApplication {

    static final String USAGE = """
            usage: java -jar lodestar.jar [--property=value ...]   start Lodestar (e.g. --server.port=9090)
                   java -jar lodestar.jar forecast --history IN.csv --horizon N --out OUT.csv [--births BIRTHS.csv]
                   java -jar lodestar.jar backtest --history IN.csv --horizon N [--births BIRTHS.csv]
                   java -jar lodestar.jar themes --in COMMENTS.csv --out THEMES.csv [--themes N]""";

    public static void main(String[] args) {
        if (args.length > 0 && ForecastCommand.COMMANDS.contains(args[0])) {
            System.exit(ForecastCommand.run(args, System.out, System.err));
        }
        if (args.length > 0 && ThemesCommand.COMMAND.equals(args[0])) {
            System.exit(ThemesCommand.run(args, System.out, System.err));
        }
        String unknown = unknownArgument(args);
        if (unknown != null) {
            // a misspelt command must not start the web server and create a database in the working folder
            System.err.println("Unknown command or argument: " + unknown);
            System.err.println(USAGE);
            System.exit(2);
        }
        SpringApplication.run(LodestarApplication.class, args);
    }

    /** The first argument that is neither a command nor a {@code --property=value} setting, or null. */
    static String unknownArgument(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("--") || arg.equals("--")) {
                return arg;
            }
        }
        return null;
    }
}
