/// A bordered box of a given size centred over whatever was drawn before, such as a dialog.
public struct Overlay: Hashable, Sendable {
    /// Width of the box, border included (at most the area's).
    public var width: Int
    /// Height of the box, border included (at most the area's).
    public var height: Int
    /// The border and title.
    public var block: Block

    /// An overlay box of `width`×`height` cells.
    public init(width: Int, height: Int, block: Block = Block()) {
        self.width = width
        self.height = height
        self.block = block
    }

    /// Clears the box centred in `area`, draws its border and returns the area inside the border.
    @discardableResult
    public func render(into buffer: inout ScreenBuffer, area: Rect) -> Rect {
        let box = area.centered(width: width, height: height)
        buffer.fill(box)
        return block.render(into: &buffer, area: box)
    }
}
