package dev.researchvault.bootstrap.nativeimage

import com.tngtech.archunit.core.importer.ClassFileImporter
import spock.lang.Specification

/** The scan behind NativeImageMetadataSpec finds the reflective calls it exists to find. */
class ReflectionScanSpec extends Specification {

    def "reflection, class loading by name, method-handle lookups and resource reads are found"() {
        given:
        def fixture = new ClassFileImporter().importClasses(ReflectiveFixture)
        def origin = ReflectiveFixture.name

        expect:
        ReflectionScan.reflectiveUses(fixture) == [
                "$origin -> java.lang.Class.forName",
                "$origin -> java.lang.Class.getDeclaredConstructor",
                "$origin -> java.lang.Class.getMethod",
                "$origin -> java.lang.invoke.MethodHandles.lookup",
                "$origin -> java.lang.invoke.MethodHandles\$Lookup.findVirtual",
                "$origin -> java.lang.reflect.Constructor.newInstance",
                "$origin -> java.lang.reflect.Method.invoke",
        ]*.toString() as Set
        ReflectionScan.resourceReads(fixture) == ["$origin -> java.lang.Class.getResourceAsStream".toString()] as Set
    }
}
