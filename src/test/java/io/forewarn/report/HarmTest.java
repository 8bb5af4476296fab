package io.forewarn.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HarmTest {

    @Test
    void harmsAreReadByTheirCodeIgnoringCaseAndSpace() {
        assertThat(Harm.of("killing")).isEqualTo(Harm.KILLING);
        assertThat(Harm.of(" Serious-Bodily-Injury ")).isEqualTo(Harm.SERIOUS_BODILY_INJURY);
        assertThat(Harm.of("kidnapping").code()).isEqualTo("kidnapping");
    }

    @Test
    void anUnknownHarmIsRefusedWithTheHarmsListed() {
        assertThatThrownBy(() -> Harm.of("murder"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown harm 'murder'; expected one of: killing, serious-bodily-injury, kidnapping, other");
        assertThatThrownBy(() -> Harm.of("serious bodily injury"))
                .hasMessageStartingWith("unknown harm 'serious bodily injury'");
        assertThatThrownBy(() -> Harm.of(null)).hasMessageStartingWith("unknown harm 'null'");
    }
}
