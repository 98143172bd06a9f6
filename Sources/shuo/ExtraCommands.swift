import ArgumentParser

/// Commands added by later parts of the product (eval, convert).
let extraCommands: [ParsableCommand.Type] = [Eval.self, Convert.self]
