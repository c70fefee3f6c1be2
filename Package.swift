// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Chancery",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "chancery", targets: ["chancery"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // Whole-state diffs in the view-model's feature tests; already resolved through swift-snapshot-testing.
        .package(url: "https://github.com/pointfreeco/swift-custom-dump", from: "1.7.3"),
        // GDELT publishes its event files zipped; `chancery import --format gdelt` reads them as downloaded.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Plain values: entities, EDTF dates, the JSON dataset loader and its validator.
        .target(name: "ChanceryModel"),
        // The SQLite store; the only target that imports GRDB.
        .target(name: "ChanceryStore", dependencies: [
            "ChanceryModel",
            .product(name: "GRDB", package: "GRDB.swift"),
            // The C API, for binding values to the import's prepared statements without boxing them.
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // Cell grid, display widths and widgets; knows nothing of diplomacy.
        .target(name: "TerminalUI"),
        // State, actions, pure update and effects; imports neither GRDB nor ncurses.
        .target(name: "ChanceryViewModel", dependencies: ["ChanceryModel", "TerminalUI"]),
        // Renders view-model state into a screen buffer.
        .target(name: "ChanceryScreens", dependencies: ["ChanceryViewModel", "TerminalUI"]),
        // The ncurses C library, seen through a shim.
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses", pkgConfig: "ncursesw",
                       providers: [.apt(["libncurses-dev"])]),
        // Copies screen buffers to the terminal and reads keys; the only importer of ncurses.
        .target(name: "NcursesBackend", dependencies: ["CNcurses", "TerminalUI"]),
        .executableTarget(name: "chancery", dependencies: [
            "ChanceryModel", "ChanceryStore", "ChanceryViewModel", "ChanceryScreens",
            "NcursesBackend", "TerminalUI",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // The bundled data and a store built from it, shared by the test targets.
        .target(name: "ChanceryTestSupport", dependencies: ["ChanceryModel", "ChanceryStore"]),
        // End-to-end timings of the browse path on a (generated) store; prints medians, p99, max and peak memory.
        .executableTarget(name: "chancery-bench", dependencies: [
            "ChanceryModel", "ChanceryStore", "ChanceryViewModel", "ChanceryScreens", "TerminalUI",
        ], path: "Benchmarks/ChanceryBenchmarks"),
        .testTarget(name: "ChanceryModelTests", dependencies: [
            "ChanceryModel",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "ChanceryStoreTests", dependencies: [
            "ChanceryStore", "ChanceryModel",
            // SQLite's C API, to make databases of other programs and to hold locks as another process would.
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        .testTarget(name: "TerminalUITests", dependencies: [
            "TerminalUI",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "ChanceryViewModelTests", dependencies: [
            "ChanceryViewModel", "ChanceryTestSupport",
            .product(name: "PropertyBased", package: "swift-property-based"),
            .product(name: "CustomDump", package: "swift-custom-dump"),
        ]),
        .testTarget(name: "ChanceryScreensTests", dependencies: [
            "ChanceryScreens", "ChanceryViewModel", "ChanceryTestSupport", "TerminalUI", "ChanceryModel",
            .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
        ], exclude: ["__Snapshots__"]),
        .testTarget(name: "EndToEndTests", dependencies: [
            "chancery", "TerminalUI", "ChanceryTestSupport", "ChanceryViewModel",
            // To zip the GDELT sample as GDELT publishes its files.
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)

// Members of a module are visible only where that module is imported, so each file's imports say what it uses.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("MemberImportVisibility")]
}
