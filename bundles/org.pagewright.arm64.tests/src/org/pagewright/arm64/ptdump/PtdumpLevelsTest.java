package org.pagewright.arm64.ptdump;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pagewright.arm64.Geometry;

/** ptdump's level numbering and names for every geometry Linux offers (2 to 5 levels). */
class PtdumpLevelsTest {

    static Stream<Geometry> geometries() {
        return Stream.of(Geometry.G4K_39, Geometry.G4K_48, Geometry.G4K_52, Geometry.G16K_47, Geometry.G16K_48,
                Geometry.G64K_42, Geometry.G64K_48, Geometry.G64K_52, Geometry.G16K_36);
    }

    @ParameterizedTest
    @MethodSource("geometries")
    void foldedLevelsPrintTheRootNameAndTheOthersKeepTheirs(Geometry g) {
        PtdumpLevels levels = new PtdumpLevels(g);

        for (int level = g.startLevel(); level <= 3; level++) {
            assertEquals(g.linuxLevelName(level), levels.name(levels.of(level)), g + " level " + level);
        }
    }

    @ParameterizedTest
    @MethodSource("geometries")
    void theRootIsPgdAndTheLastLevelIsPte(Geometry g) {
        PtdumpLevels levels = new PtdumpLevels(g);

        assertEquals(PtdumpLevels.PGD, levels.of(g.startLevel()));
        assertEquals(PtdumpLevels.PTE, levels.of(3));
    }
}
