import ChanceryViewModel
import PropertyBased
import TerminalUI
import Testing

/// Text a terminal delivers one Unicode scalar at a time, whose scalars join into fewer Characters: an NFD
/// accent, a flag, a skin tone, a ZWJ family, a variation selector, a Devanagari vowel sign.
private let graphemeRichPieces = ["Cafe\u{301}", "🇦🇿", "👍🏽", "👨\u{200D}👩\u{200D}👧", "❤\u{FE0F}", "भारत", "a", " ", "ə", "漢"]

/// Keys that edit or move in the input line.
private let editingKeys: [Key] = [.backspace, .delete, .left, .right, .home, .end, .control("a"), .control("e"), .control("u"),
                                  .character("x"), .character("\u{301}"), .character("🇦"), .character("\u{200D}")]

/// A state with the Timeline's `/` filter open and `text` typed into it scalar by scalar, as a terminal sends it.
private func typing(_ text: String) -> BrowserState {
    var state = BrowserState(width: 100, height: 30)
    _ = state.send(.keyPressed(.character("/")))
    for scalar in text.unicodeScalars { _ = state.send(.keyPressed(.character(Character(scalar)))) }
    return state
}

/// Checks the input line's cursor lies inside its text, counted in Characters.
private func expectCursorInside(_ state: BrowserState, _ comment: Comment) {
    guard let input = state.input else { return }
    #expect(input.cursor >= 0 && input.cursor <= input.text.count, comment)
}

@Suite struct InputLineEditingTests {
    @Test(arguments: graphemeRichPieces)
    func scalarsTypedOneByOneJoinAndTheCursorStaysAfterThem(piece: String) {
        let state = typing(piece)
        #expect(state.input?.text == piece)
        #expect(state.input?.cursor == piece.count)
    }

    /// The crash of issue 8: after a scalar that joins the Character before it, any letter, Backspace or Ctrl-U trapped.
    @Test(arguments: graphemeRichPieces, editingKeys)
    func everyEditAtEveryCursorPositionKeepsTheCursorInsideTheText(piece: String, key: Key) {
        let text = piece + "b" + piece
        for position in 0...text.count {
            var state = typing(text)
            _ = state.send(.keyPressed(.home))
            for _ in 0..<position { _ = state.send(.keyPressed(.right)) }
            #expect(state.input?.cursor == position)
            _ = state.send(.keyPressed(key))
            expectCursorInside(state, "\(key) at \(position) in \(text.debugDescription)")
            _ = state.send(.keyPressed(.character("z")))
            expectCursorInside(state, "then z")
            #expect(state.input?.text.contains("z") == true)
        }
    }

    @Test func randomEditsOfGraphemeRichTextNeverLeaveTheCursorOutside() async {
        let pieces = Gen.int(in: 0...(graphemeRichPieces.count - 1)).array(of: 0...6)
        let keys = Gen.int(in: 0...(editingKeys.count - 1)).array(of: 0...30)
        await propertyCheck(count: 300, input: pieces, keys) { pieces, keys in
            var state = typing(pieces.map { graphemeRichPieces[$0] }.joined())
            for index in keys {
                _ = state.send(.keyPressed(editingKeys[index]))
                expectCursorInside(state, "after \(editingKeys[index])")
            }
        }
    }

    @Test func aLongPasteStopsAtTheLimitAndSaysSo() {
        let state = typing(String(repeating: "a", count: 10_000))
        #expect(state.input?.text.count == InputState.maximumLength)
        #expect(state.input?.notice == "at most 256 characters")
        var next = state
        _ = next.send(.keyPressed(.backspace))
        #expect(next.input?.notice == nil, "the notice lasts until the next key")
        #expect(next.input?.text.count == InputState.maximumLength - 1)
        _ = next.send(.keyPressed(.escape))
        #expect(next.input == nil, "Esc closes the line at once")
    }
}
