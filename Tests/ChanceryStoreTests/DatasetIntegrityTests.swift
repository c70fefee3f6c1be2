import ChanceryModel
import Foundation
import Testing

/// The curated dataset in `Data/` reads cleanly, validates, and quotes its sources verbatim.
@Suite struct DatasetIntegrityTests {
    @Test func loadsWithoutIssues() {
        #expect(RealData.loaded.issues.isEmpty, "\(RealData.loaded.issues.map(\.description))")
    }

    @Test func validatesWithoutIssues() {
        let issues = RealData.dataset.validate()
        #expect(issues.isEmpty, "\(issues.map(\.description))")
    }

    @Test func everyQuoteOccursVerbatimInItsBundledSource() {
        let texts = RealData.dataset.sourceTexts
        #expect(texts.count == RealData.dataset.sources.count, "every source's text is in Data/texts")
        let issues = RealData.dataset.validate(sourceTexts: texts)
        #expect(issues.isEmpty, "\(issues.map(\.description))")
    }

    @Test(.enabled(if: Repository.hasSeeds, "the source texts are not beside the repository"))
    func theBundledTextsAreTheSourceDocumentsUnchanged() {
        #expect(RealData.dataset.sourceTexts == RealData.dataset.loadSourceTexts(from: Repository.seeds))
    }

    @Test func countsArePlausible() {
        let dataset = RealData.dataset
        let kinds = [dataset.sources.count, dataset.organizations.count, dataset.people.count, dataset.places.count,
                     dataset.documents.count, dataset.events.count, dataset.visits.count]
        #expect(kinds.allSatisfy { $0 > 0 }, "every kind has records: \(kinds)")
        #expect(kinds.reduce(0, +) > 100)
        #expect(dataset.events.count > 100)
        #expect(dataset.events.contains { $0.date == nil }, "some events are undated")
        #expect(dataset.events.contains { $0.date != nil }, "some events are dated")
    }
}
