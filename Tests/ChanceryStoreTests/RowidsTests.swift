import Foundation
import Testing
@testable import ChanceryStore

/// Packed rowid lists and rowid sets, which facets count with.
@Suite struct RowidsTests {
    /// Every list unpacks to itself: gaps at the edges of one, two and nine bytes, and long lists of random gaps.
    @Test func packedListsUnpackToThemselves() {
        var lists: [[Int64]] = [[], [0], [1], [127], [128], [0, 127, 255, 16_383, 16_384, 2_097_151, 2_097_152],
                                [Int64.max], [0, Int64.max], [5, 6, 7, 8, 1 << 40, (1 << 40) + 1]]
        var state: UInt64 = 7
        for length in [10, 1_000, 100_000] {
            var rowid: Int64 = 0, list: [Int64] = []
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                rowid += Int64(state >> 33) % [2, 300, 70_000][list.count % 3] + 1
                list.append(rowid)
            }
            lists.append(list)
        }
        for list in lists {
            var unpacked: [Int64] = []
            PackedRowids.pack(list).withUnsafeBytes { PackedRowids.forEach(in: $0) { unpacked.append($0) } }
            #expect(unpacked == list, "\(list.prefix(8))")
        }
        #expect(PackedRowids.pack(Array(1...1_000)).count == 1_000, "dense rowids take a byte each")
    }

    @Test func setsAddTakeOutAndMeet() {
        var set = RowidSet()
        #expect(set.insert(5) && !set.insert(5) && set.insert(1 << 31) && !set.insert(1 << 31) && set.insert(64))
        var other = RowidSet()
        other.insert(64)
        other.insert(1 << 31)
        var met = set
        met.formIntersection(other)
        #expect(!met.contains(5) && met.contains(64) && met.contains(1 << 31))
        set.subtract(other)
        #expect(set.contains(5) && !set.contains(64) && !set.contains(1 << 31))
        #expect(set.remove(5) && !set.remove(5) && !set.contains(5))
    }
}
