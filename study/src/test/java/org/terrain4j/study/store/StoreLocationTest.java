package org.terrain4j.study.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreLocationTest {

    @Test
    void sqliteIsAnAbsoluteFile() {
        StoreLocation location = StoreLocation.parse("sqlite:runs/studies.db", Map.of());
        assertThat(location.kind()).isEqualTo(StoreLocation.Kind.SQLITE);
        assertThat(location.jdbcUrl()).startsWith("jdbc:sqlite:/").endsWith("runs/studies.db");
    }

    @Test
    void postgresCredentialsComeFromTheUrlElseTheEnvironmentAndThePasswordIsNeverShown() {
        StoreLocation inline = StoreLocation.parse("postgresql://ann:s3cret@db.example:5433/studies", Map.of());
        assertThat(inline.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/studies");
        assertThat(inline.user()).isEqualTo("ann");
        assertThat(inline.password()).isEqualTo("s3cret");
        assertThat(inline.toString()).isEqualTo("postgresql://ann@db.example:5433/studies").doesNotContain("s3cret");

        StoreLocation fromEnvironment = StoreLocation.parse("postgresql://db/studies",
                Map.of("TERRAIN_DB_USER", "bob", "TERRAIN_DB_PASSWORD", "pw", "PGUSER", "ignored"));
        assertThat(fromEnvironment.user()).isEqualTo("bob");
        assertThat(fromEnvironment.password()).isEqualTo("pw");
        assertThat(StoreLocation.parse("postgresql://db/studies", Map.of("PGUSER", "carl")).user()).isEqualTo("carl");
    }

    @Test
    void credentialsInTheQueryAreTakenOutOfTheShownUrl() {
        StoreLocation location = StoreLocation.parse(
                "postgresql://db.example/studies?user=ann&password=s%40cret&ssl=true&sslpassword=k3y", Map.of());

        assertThat(location.user()).isEqualTo("ann");
        assertThat(location.password()).isEqualTo("s@cret");
        assertThat(location.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example/studies?ssl=true&sslpassword=k3y");
        assertThat(location.toString()).isEqualTo("postgresql://ann@db.example/studies?ssl=true&sslpassword=***")
                .doesNotContain("cret").doesNotContain("k3y");
    }

    @Test
    void aPasswordHoldingAnAtSignShowsNoPartOfItself() {
        assertThat(StoreLocation.redact("mysql://ann:p@ss@word@host/db")).isEqualTo("mysql://ann:***@host/db");
        assertThatThrownBy(() -> StoreLocation.parse("mysql://ann:p@ss@word@host/db", Map.of()))
                .hasMessageNotContaining("ss").hasMessageNotContaining("word@");
        assertThat(StoreLocation.redact("mysql://host/db?Password=x&token=y&mode=z"))
                .isEqualTo("mysql://host/db?Password=***&token=***&mode=z");
    }

    @Test
    void aPasswordOnTheCommandLineIsWarnedAbout() {
        assertThat(StoreLocation.commandLineWarning("postgresql://ann:pw@db/studies")).get().asString()
                .contains("TERRAIN_DB_PASSWORD").doesNotContain("pw@");
        assertThat(StoreLocation.commandLineWarning("postgresql://db/studies?password=pw")).isPresent();
        assertThat(StoreLocation.commandLineWarning("postgresql://ann@db/studies")).isEmpty();
        assertThat(StoreLocation.commandLineWarning("sqlite:studies.db")).isEmpty();
    }

    @Test
    void theLocationSentToOtherProcessesHasNoPasswordAndTheyTakeItFromTheirEnvironment() {
        StoreLocation driver = StoreLocation.parse("postgresql://ann:s3cret@db/studies", Map.of());
        StoreLocation sent = driver.withoutPassword();
        assertThat(sent.password()).isNull();
        assertThat(sent.user()).isEqualTo("ann");
        assertThat(sent.jdbcUrl()).isEqualTo(driver.jdbcUrl()).doesNotContain("s3cret");
        assertThat(sent.withPasswordFrom(Map.of("TERRAIN_DB_PASSWORD", "s3cret"))).isEqualTo(driver);
        assertThat(sent.withPasswordFrom(Map.of("PGPASSWORD", "s3cret")).password()).isEqualTo("s3cret");
        assertThat(sent.withPasswordFrom(Map.of()).password()).isNull();
        assertThat(driver.withPasswordFrom(Map.of("TERRAIN_DB_PASSWORD", "other"))).isEqualTo(driver);
    }

    @Test
    void badLocationsAreNamedWithoutTheirPassword() {
        assertThatThrownBy(() -> StoreLocation.parse("mysql://a:pw@host/db", Map.of()))
                .hasMessageContaining("--storage 'mysql://a:***@host/db'").hasMessageNotContaining("pw@");
        assertThatThrownBy(() -> StoreLocation.parse("postgresql://host", Map.of())).hasMessageContaining("needs a host and a database");
        assertThatThrownBy(() -> StoreLocation.parse("sqlite:", Map.of())).hasMessageContaining("names no file");
        assertThatThrownBy(() -> StoreLocation.parse(" ", Map.of())).hasMessageContaining("--storage is empty");
    }
}
