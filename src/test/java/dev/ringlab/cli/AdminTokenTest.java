package dev.ringlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where serve's admin token comes from, and the tokens it refuses. */
class AdminTokenTest {

    @TempDir
    Path dir;

    @Test
    void aFileGivesItsFirstLineWithoutTheNewline() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "s3cret\nignored\n");

        assertThat(AdminToken.resolve(null, file, false, Map.of())).isEqualTo(new AdminToken("s3cret", false));
    }

    @Test
    void theEnvironmentIsTheFallbackAndAnEmptyVariableCountsAsUnset() {
        assertThat(AdminToken.resolve(null, null, false, Map.of(AdminToken.ENV, "from-env")).token()).isEqualTo("from-env");
        assertThat(AdminToken.resolve("flag", null, false, Map.of(AdminToken.ENV, "from-env")).token()).isEqualTo("flag");
        assertThat(AdminToken.resolve(null, null, false, Map.of(AdminToken.ENV, "")).token()).isNull();
    }

    @Test
    void generatedTokensAreLongRandomAndOnlyWhenNoneWasGiven() {
        AdminToken one = AdminToken.resolve(null, null, true, Map.of());
        AdminToken two = AdminToken.resolve(null, null, true, Map.of());

        assertThat(one.generated()).isTrue();
        assertThat(one.token()).hasSize(43).isNotEqualTo(two.token()).matches("[A-Za-z0-9_-]+");
        assertThat(AdminToken.resolve(null, null, true, Map.of(AdminToken.ENV, "mine"))).isEqualTo(new AdminToken("mine", false));
    }

    @Test
    void emptyOrSpacedTokensAreRefusedWhereverTheyComeFrom() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "\n");

        assertThatThrownBy(() -> AdminToken.resolve("", null, false, Map.of())).hasMessageContaining("--admin-token is empty");
        assertThatThrownBy(() -> AdminToken.resolve(null, empty, false, Map.of())).hasMessageContaining("is empty");
        assertThatThrownBy(() -> AdminToken.resolve("a\tb", null, false, Map.of()))
                .hasMessageContaining("space or control character at position 2");
        assertThatThrownBy(() -> AdminToken.resolve(null, null, false, Map.of(AdminToken.ENV, "a b")))
                .hasMessageContaining(AdminToken.ENV + " has a space");
    }
}
