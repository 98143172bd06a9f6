// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "shuo",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "shuo", targets: ["shuo"]),
        .library(name: "Shuo", targets: ["Shuo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The only target that sees ICU's headers: Foundation bundles its own copy of them,
        // so Swift code must reach ICU through this plain-C facade.
        .target(
            name: "CICU",
            linkerSettings: [
                .linkedLibrary("icui18n"),
                .linkedLibrary("icuuc"),
                .linkedLibrary("icudata"),
            ]
        ),
        .target(
            name: "Shuo",
            dependencies: ["CICU"],
            resources: [.copy("Resources/lexicons")]
        ),
        .executableTarget(
            name: "shuo",
            dependencies: [
                "Shuo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ShuoTests",
            dependencies: ["Shuo"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v5]
)
