package org.lodestar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApplicationArgumentsTest {

    @Test
    void aMisspeltCommandIsUnknownAndTheUsageNamesTheRealOnes() {
        assertThat(LodestarApplication.unknownArgument(new String[] {"forcast", "--history", "x.csv"}))
                .isEqualTo("forcast");
        assertThat(LodestarApplication.unknownArgument(new String[] {"--server.port=9090", "start"}))
                .isEqualTo("start");
        assertThat(LodestarApplication.USAGE).contains("forecast --history").contains("backtest --history");
    }

    @Test
    void settingsAloneStartTheApplication() {
        assertThat(LodestarApplication.unknownArgument(
                        new String[] {"--server.port=9090", "--lodestar.demo.enabled=false"}))
                .isNull();
        assertThat(LodestarApplication.unknownArgument(new String[0])).isNull();
    }
}
