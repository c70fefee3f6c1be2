// libFuzzer harness for the key-script parser; compiled by Fuzz/run.sh together with Sources/TerminalUI. It crashes (so libFuzzer saves the input)
// when parsing traps, when an error does not name a place inside the script, or when a parse does not
// round-trip through the key names.

/// The number after the last `label` in `message`.
func number(after label: String, in message: String) -> Int? {
    guard let range = message.ranges(of: label).last else { return nil }
    return Int(message[range.upperBound...].prefix { $0.isASCII && $0.isNumber })
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let steps = try KeyScript.parse(text)
        for case .resize(let width, let height) in steps {
            precondition((1...KeyScript.maximumSize).contains(width) && (1...KeyScript.maximumSize).contains(height), "resize \(width)x\(height)")
        }
        let rendered = steps.map(KeyScript.name(of:)).joined()
        precondition((try? KeyScript.parse(rendered)) == steps, "no round trip: \(text.debugDescription) → \(rendered.debugDescription)")
    } catch {
        let column = number(after: "column ", in: "\(error)")
        precondition(column.map { (1...max(1, text.count)).contains($0) } == true, "error outside the script: \(error)")
    }
    do {
        _ = try KeyScript.parseFile(text)
    } catch {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
        let line = number(after: "line ", in: "\(error)")
        precondition(line.map { (1...lines).contains($0) } == true, "error outside the file: \(error)")
        precondition(number(after: "column ", in: "\(error)").map { $0 >= 1 } == true, "error without a column: \(error)")
    }
    return 0
}
