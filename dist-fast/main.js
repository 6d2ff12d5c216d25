import { createRequire as __xtCreateRequire } from 'node:module'; const require = __xtCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/commander/lib/error.js
var require_error = __commonJS({
  "node_modules/commander/lib/error.js"(exports) {
    var CommanderError2 = class extends Error {
      /**
       * Constructs the CommanderError class
       * @param {number} exitCode suggested exit code which could be used with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       */
      constructor(exitCode, code, message) {
        super(message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
        this.code = code;
        this.exitCode = exitCode;
        this.nestedError = void 0;
      }
    };
    var InvalidArgumentError2 = class extends CommanderError2 {
      /**
       * Constructs the InvalidArgumentError class
       * @param {string} [message] explanation of why argument is invalid
       */
      constructor(message) {
        super(1, "commander.invalidArgument", message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
      }
    };
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/lib/argument.js
var require_argument = __commonJS({
  "node_modules/commander/lib/argument.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Argument2 = class {
      /**
       * Initialize a new command argument with the given name and description.
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @param {string} name
       * @param {string} [description]
       */
      constructor(name, description) {
        this.description = description || "";
        this.variadic = false;
        this.parseArg = void 0;
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.argChoices = void 0;
        switch (name[0]) {
          case "<":
            this.required = true;
            this._name = name.slice(1, -1);
            break;
          case "[":
            this.required = false;
            this._name = name.slice(1, -1);
            break;
          default:
            this.required = true;
            this._name = name;
            break;
        }
        if (this._name.endsWith("...")) {
          this.variadic = true;
          this._name = this._name.slice(0, -3);
        }
      }
      /**
       * Return argument name.
       *
       * @return {string}
       */
      name() {
        return this._name;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Argument}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Set the custom handler for processing CLI command arguments into argument values.
       *
       * @param {Function} [fn]
       * @return {Argument}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Only allow argument value to be one of choices.
       *
       * @param {string[]} values
       * @return {Argument}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Make argument required.
       *
       * @returns {Argument}
       */
      argRequired() {
        this.required = true;
        return this;
      }
      /**
       * Make argument optional.
       *
       * @returns {Argument}
       */
      argOptional() {
        this.required = false;
        return this;
      }
    };
    function humanReadableArgName(arg) {
      const nameOutput = arg.name() + (arg.variadic === true ? "..." : "");
      return arg.required ? "<" + nameOutput + ">" : "[" + nameOutput + "]";
    }
    exports.Argument = Argument2;
    exports.humanReadableArgName = humanReadableArgName;
  }
});

// lazy:child_process
var require_child_process = __commonJS({
  "lazy:child_process"(exports, module) {
    module.exports = new Proxy({}, { get: (_, key) => __require("node:child_process")[key] });
  }
});

// node_modules/commander/lib/help.js
var require_help = __commonJS({
  "node_modules/commander/lib/help.js"(exports) {
    var { humanReadableArgName } = require_argument();
    var Help2 = class {
      constructor() {
        this.helpWidth = void 0;
        this.minWidthToWrap = 40;
        this.sortSubcommands = false;
        this.sortOptions = false;
        this.showGlobalOptions = false;
      }
      /**
       * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
       * and just before calling `formatHelp()`.
       *
       * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
       *
       * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
       */
      prepareContext(contextOptions) {
        this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
      }
      /**
       * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
       *
       * @param {Command} cmd
       * @returns {Command[]}
       */
      visibleCommands(cmd) {
        const visibleCommands = cmd.commands.filter((cmd2) => !cmd2._hidden);
        const helpCommand = cmd._getHelpCommand();
        if (helpCommand && !helpCommand._hidden) {
          visibleCommands.push(helpCommand);
        }
        if (this.sortSubcommands) {
          visibleCommands.sort((a, b) => {
            return a.name().localeCompare(b.name());
          });
        }
        return visibleCommands;
      }
      /**
       * Compare options for sort.
       *
       * @param {Option} a
       * @param {Option} b
       * @returns {number}
       */
      compareOptions(a, b) {
        const getSortKey = (option) => {
          return option.short ? option.short.replace(/^-/, "") : option.long.replace(/^--/, "");
        };
        return getSortKey(a).localeCompare(getSortKey(b));
      }
      /**
       * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleOptions(cmd) {
        const visibleOptions = cmd.options.filter((option) => !option.hidden);
        const helpOption = cmd._getHelpOption();
        if (helpOption && !helpOption.hidden) {
          const removeShort = helpOption.short && cmd._findOption(helpOption.short);
          const removeLong = helpOption.long && cmd._findOption(helpOption.long);
          if (!removeShort && !removeLong) {
            visibleOptions.push(helpOption);
          } else if (helpOption.long && !removeLong) {
            visibleOptions.push(
              cmd.createOption(helpOption.long, helpOption.description)
            );
          } else if (helpOption.short && !removeShort) {
            visibleOptions.push(
              cmd.createOption(helpOption.short, helpOption.description)
            );
          }
        }
        if (this.sortOptions) {
          visibleOptions.sort(this.compareOptions);
        }
        return visibleOptions;
      }
      /**
       * Get an array of the visible global options. (Not including help.)
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleGlobalOptions(cmd) {
        if (!this.showGlobalOptions) return [];
        const globalOptions = [];
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          const visibleOptions = ancestorCmd.options.filter(
            (option) => !option.hidden
          );
          globalOptions.push(...visibleOptions);
        }
        if (this.sortOptions) {
          globalOptions.sort(this.compareOptions);
        }
        return globalOptions;
      }
      /**
       * Get an array of the arguments if any have a description.
       *
       * @param {Command} cmd
       * @returns {Argument[]}
       */
      visibleArguments(cmd) {
        if (cmd._argsDescription) {
          cmd.registeredArguments.forEach((argument) => {
            argument.description = argument.description || cmd._argsDescription[argument.name()] || "";
          });
        }
        if (cmd.registeredArguments.find((argument) => argument.description)) {
          return cmd.registeredArguments;
        }
        return [];
      }
      /**
       * Get the command term to show in the list of subcommands.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandTerm(cmd) {
        const args = cmd.registeredArguments.map((arg) => humanReadableArgName(arg)).join(" ");
        return cmd._name + (cmd._aliases[0] ? "|" + cmd._aliases[0] : "") + (cmd.options.length ? " [options]" : "") + // simplistic check for non-help option
        (args ? " " + args : "");
      }
      /**
       * Get the option term to show in the list of options.
       *
       * @param {Option} option
       * @returns {string}
       */
      optionTerm(option) {
        return option.flags;
      }
      /**
       * Get the argument term to show in the list of arguments.
       *
       * @param {Argument} argument
       * @returns {string}
       */
      argumentTerm(argument) {
        return argument.name();
      }
      /**
       * Get the longest command term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestSubcommandTermLength(cmd, helper) {
        return helper.visibleCommands(cmd).reduce((max, command) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleSubcommandTerm(helper.subcommandTerm(command))
            )
          );
        }, 0);
      }
      /**
       * Get the longest option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestOptionTermLength(cmd, helper) {
        return helper.visibleOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest global option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestGlobalOptionTermLength(cmd, helper) {
        return helper.visibleGlobalOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest argument term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestArgumentTermLength(cmd, helper) {
        return helper.visibleArguments(cmd).reduce((max, argument) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleArgumentTerm(helper.argumentTerm(argument))
            )
          );
        }, 0);
      }
      /**
       * Get the command usage to be displayed at the top of the built-in help.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandUsage(cmd) {
        let cmdName = cmd._name;
        if (cmd._aliases[0]) {
          cmdName = cmdName + "|" + cmd._aliases[0];
        }
        let ancestorCmdNames = "";
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          ancestorCmdNames = ancestorCmd.name() + " " + ancestorCmdNames;
        }
        return ancestorCmdNames + cmdName + " " + cmd.usage();
      }
      /**
       * Get the description for the command.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandDescription(cmd) {
        return cmd.description();
      }
      /**
       * Get the subcommand summary to show in the list of subcommands.
       * (Fallback to description for backwards compatibility.)
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandDescription(cmd) {
        return cmd.summary() || cmd.description();
      }
      /**
       * Get the option description to show in the list of options.
       *
       * @param {Option} option
       * @return {string}
       */
      optionDescription(option) {
        const extraInfo = [];
        if (option.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (option.defaultValue !== void 0) {
          const showDefault = option.required || option.optional || option.isBoolean() && typeof option.defaultValue === "boolean";
          if (showDefault) {
            extraInfo.push(
              `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`
            );
          }
        }
        if (option.presetArg !== void 0 && option.optional) {
          extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
        }
        if (option.envVar !== void 0) {
          extraInfo.push(`env: ${option.envVar}`);
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (option.description) {
            return `${option.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return option.description;
      }
      /**
       * Get the argument description to show in the list of arguments.
       *
       * @param {Argument} argument
       * @return {string}
       */
      argumentDescription(argument) {
        const extraInfo = [];
        if (argument.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (argument.defaultValue !== void 0) {
          extraInfo.push(
            `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`
          );
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (argument.description) {
            return `${argument.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return argument.description;
      }
      /**
       * Format a list of items, given a heading and an array of formatted items.
       *
       * @param {string} heading
       * @param {string[]} items
       * @param {Help} helper
       * @returns string[]
       */
      formatItemList(heading, items, helper) {
        if (items.length === 0) return [];
        return [helper.styleTitle(heading), ...items, ""];
      }
      /**
       * Group items by their help group heading.
       *
       * @param {Command[] | Option[]} unsortedItems
       * @param {Command[] | Option[]} visibleItems
       * @param {Function} getGroup
       * @returns {Map<string, Command[] | Option[]>}
       */
      groupItems(unsortedItems, visibleItems, getGroup) {
        const result = /* @__PURE__ */ new Map();
        unsortedItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) result.set(group, []);
        });
        visibleItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) {
            result.set(group, []);
          }
          result.get(group).push(item);
        });
        return result;
      }
      /**
       * Generate the built-in help text.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {string}
       */
      formatHelp(cmd, helper) {
        const termWidth = helper.padWidth(cmd, helper);
        const helpWidth = helper.helpWidth ?? 80;
        function callFormatItem(term, description) {
          return helper.formatItem(term, termWidth, description, helper);
        }
        let output = [
          `${helper.styleTitle("Usage:")} ${helper.styleUsage(helper.commandUsage(cmd))}`,
          ""
        ];
        const commandDescription = helper.commandDescription(cmd);
        if (commandDescription.length > 0) {
          output = output.concat([
            helper.boxWrap(
              helper.styleCommandDescription(commandDescription),
              helpWidth
            ),
            ""
          ]);
        }
        const argumentList = helper.visibleArguments(cmd).map((argument) => {
          return callFormatItem(
            helper.styleArgumentTerm(helper.argumentTerm(argument)),
            helper.styleArgumentDescription(helper.argumentDescription(argument))
          );
        });
        output = output.concat(
          this.formatItemList("Arguments:", argumentList, helper)
        );
        const optionGroups = this.groupItems(
          cmd.options,
          helper.visibleOptions(cmd),
          (option) => option.helpGroupHeading ?? "Options:"
        );
        optionGroups.forEach((options, group) => {
          const optionList = options.map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(this.formatItemList(group, optionList, helper));
        });
        if (helper.showGlobalOptions) {
          const globalOptionList = helper.visibleGlobalOptions(cmd).map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(
            this.formatItemList("Global Options:", globalOptionList, helper)
          );
        }
        const commandGroups = this.groupItems(
          cmd.commands,
          helper.visibleCommands(cmd),
          (sub) => sub.helpGroup() || "Commands:"
        );
        commandGroups.forEach((commands, group) => {
          const commandList = commands.map((sub) => {
            return callFormatItem(
              helper.styleSubcommandTerm(helper.subcommandTerm(sub)),
              helper.styleSubcommandDescription(helper.subcommandDescription(sub))
            );
          });
          output = output.concat(this.formatItemList(group, commandList, helper));
        });
        return output.join("\n");
      }
      /**
       * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
       *
       * @param {string} str
       * @returns {number}
       */
      displayWidth(str) {
        return stripColor(str).length;
      }
      /**
       * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
       *
       * @param {string} str
       * @returns {string}
       */
      styleTitle(str) {
        return str;
      }
      styleUsage(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word === "[command]") return this.styleSubcommandText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleCommandText(word);
        }).join(" ");
      }
      styleCommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleOptionDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleSubcommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleArgumentDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleDescriptionText(str) {
        return str;
      }
      styleOptionTerm(str) {
        return this.styleOptionText(str);
      }
      styleSubcommandTerm(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleSubcommandText(word);
        }).join(" ");
      }
      styleArgumentTerm(str) {
        return this.styleArgumentText(str);
      }
      styleOptionText(str) {
        return str;
      }
      styleArgumentText(str) {
        return str;
      }
      styleSubcommandText(str) {
        return str;
      }
      styleCommandText(str) {
        return str;
      }
      /**
       * Calculate the pad width from the maximum term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      padWidth(cmd, helper) {
        return Math.max(
          helper.longestOptionTermLength(cmd, helper),
          helper.longestGlobalOptionTermLength(cmd, helper),
          helper.longestSubcommandTermLength(cmd, helper),
          helper.longestArgumentTermLength(cmd, helper)
        );
      }
      /**
       * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
       *
       * @param {string} str
       * @returns {boolean}
       */
      preformatted(str) {
        return /\n[^\S\r\n]/.test(str);
      }
      /**
       * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
       *
       * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
       *   TTT  DDD DDDD
       *        DD DDD
       *
       * @param {string} term
       * @param {number} termWidth
       * @param {string} description
       * @param {Help} helper
       * @returns {string}
       */
      formatItem(term, termWidth, description, helper) {
        const itemIndent = 2;
        const itemIndentStr = " ".repeat(itemIndent);
        if (!description) return itemIndentStr + term;
        const paddedTerm = term.padEnd(
          termWidth + term.length - helper.displayWidth(term)
        );
        const spacerWidth = 2;
        const helpWidth = this.helpWidth ?? 80;
        const remainingWidth = helpWidth - termWidth - spacerWidth - itemIndent;
        let formattedDescription;
        if (remainingWidth < this.minWidthToWrap || helper.preformatted(description)) {
          formattedDescription = description;
        } else {
          const wrappedDescription = helper.boxWrap(description, remainingWidth);
          formattedDescription = wrappedDescription.replace(
            /\n/g,
            "\n" + " ".repeat(termWidth + spacerWidth)
          );
        }
        return itemIndentStr + paddedTerm + " ".repeat(spacerWidth) + formattedDescription.replace(/\n/g, `
${itemIndentStr}`);
      }
      /**
       * Wrap a string at whitespace, preserving existing line breaks.
       * Wrapping is skipped if the width is less than `minWidthToWrap`.
       *
       * @param {string} str
       * @param {number} width
       * @returns {string}
       */
      boxWrap(str, width) {
        if (width < this.minWidthToWrap) return str;
        const rawLines = str.split(/\r\n|\n/);
        const chunkPattern = /[\s]*[^\s]+/g;
        const wrappedLines = [];
        rawLines.forEach((line) => {
          const chunks = line.match(chunkPattern);
          if (chunks === null) {
            wrappedLines.push("");
            return;
          }
          let sumChunks = [chunks.shift()];
          let sumWidth = this.displayWidth(sumChunks[0]);
          chunks.forEach((chunk) => {
            const visibleWidth = this.displayWidth(chunk);
            if (sumWidth + visibleWidth <= width) {
              sumChunks.push(chunk);
              sumWidth += visibleWidth;
              return;
            }
            wrappedLines.push(sumChunks.join(""));
            const nextChunk = chunk.trimStart();
            sumChunks = [nextChunk];
            sumWidth = this.displayWidth(nextChunk);
          });
          wrappedLines.push(sumChunks.join(""));
        });
        return wrappedLines.join("\n");
      }
    };
    function stripColor(str) {
      const sgrPattern = /\x1b\[\d*(;\d*)*m/g;
      return str.replace(sgrPattern, "");
    }
    exports.Help = Help2;
    exports.stripColor = stripColor;
  }
});

// node_modules/commander/lib/option.js
var require_option = __commonJS({
  "node_modules/commander/lib/option.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Option2 = class {
      /**
       * Initialize a new `Option` with the given `flags` and `description`.
       *
       * @param {string} flags
       * @param {string} [description]
       */
      constructor(flags, description) {
        this.flags = flags;
        this.description = description || "";
        this.required = flags.includes("<");
        this.optional = flags.includes("[");
        this.variadic = /\w\.\.\.[>\]]$/.test(flags);
        this.mandatory = false;
        const optionFlags = splitOptionFlags(flags);
        this.short = optionFlags.shortFlag;
        this.long = optionFlags.longFlag;
        this.negate = false;
        if (this.long) {
          this.negate = this.long.startsWith("--no-");
        }
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.presetArg = void 0;
        this.envVar = void 0;
        this.parseArg = void 0;
        this.hidden = false;
        this.argChoices = void 0;
        this.conflictsWith = [];
        this.implied = void 0;
        this.helpGroupHeading = void 0;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Option}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Preset to use when option used without option-argument, especially optional but also boolean and negated.
       * The custom processing (parseArg) is called.
       *
       * @example
       * new Option('--color').default('GREYSCALE').preset('RGB');
       * new Option('--donate [amount]').preset('20').argParser(parseFloat);
       *
       * @param {*} arg
       * @return {Option}
       */
      preset(arg) {
        this.presetArg = arg;
        return this;
      }
      /**
       * Add option name(s) that conflict with this option.
       * An error will be displayed if conflicting options are found during parsing.
       *
       * @example
       * new Option('--rgb').conflicts('cmyk');
       * new Option('--js').conflicts(['ts', 'jsx']);
       *
       * @param {(string | string[])} names
       * @return {Option}
       */
      conflicts(names) {
        this.conflictsWith = this.conflictsWith.concat(names);
        return this;
      }
      /**
       * Specify implied option values for when this option is set and the implied options are not.
       *
       * The custom processing (parseArg) is not called on the implied values.
       *
       * @example
       * program
       *   .addOption(new Option('--log', 'write logging information to file'))
       *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
       *
       * @param {object} impliedOptionValues
       * @return {Option}
       */
      implies(impliedOptionValues) {
        let newImplied = impliedOptionValues;
        if (typeof impliedOptionValues === "string") {
          newImplied = { [impliedOptionValues]: true };
        }
        this.implied = Object.assign(this.implied || {}, newImplied);
        return this;
      }
      /**
       * Set environment variable to check for option value.
       *
       * An environment variable is only used if when processed the current option value is
       * undefined, or the source of the current value is 'default' or 'config' or 'env'.
       *
       * @param {string} name
       * @return {Option}
       */
      env(name) {
        this.envVar = name;
        return this;
      }
      /**
       * Set the custom handler for processing CLI option arguments into option values.
       *
       * @param {Function} [fn]
       * @return {Option}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Whether the option is mandatory and must have a value after parsing.
       *
       * @param {boolean} [mandatory=true]
       * @return {Option}
       */
      makeOptionMandatory(mandatory = true) {
        this.mandatory = !!mandatory;
        return this;
      }
      /**
       * Hide option in help.
       *
       * @param {boolean} [hide=true]
       * @return {Option}
       */
      hideHelp(hide = true) {
        this.hidden = !!hide;
        return this;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Only allow option value to be one of choices.
       *
       * @param {string[]} values
       * @return {Option}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Return option name.
       *
       * @return {string}
       */
      name() {
        if (this.long) {
          return this.long.replace(/^--/, "");
        }
        return this.short.replace(/^-/, "");
      }
      /**
       * Return option name, in a camelcase format that can be used
       * as an object attribute key.
       *
       * @return {string}
       */
      attributeName() {
        if (this.negate) {
          return camelcase(this.name().replace(/^no-/, ""));
        }
        return camelcase(this.name());
      }
      /**
       * Set the help group heading.
       *
       * @param {string} heading
       * @return {Option}
       */
      helpGroup(heading) {
        this.helpGroupHeading = heading;
        return this;
      }
      /**
       * Check if `arg` matches the short or long flag.
       *
       * @param {string} arg
       * @return {boolean}
       * @package
       */
      is(arg) {
        return this.short === arg || this.long === arg;
      }
      /**
       * Return whether a boolean option.
       *
       * Options are one of boolean, negated, required argument, or optional argument.
       *
       * @return {boolean}
       * @package
       */
      isBoolean() {
        return !this.required && !this.optional && !this.negate;
      }
    };
    var DualOptions = class {
      /**
       * @param {Option[]} options
       */
      constructor(options) {
        this.positiveOptions = /* @__PURE__ */ new Map();
        this.negativeOptions = /* @__PURE__ */ new Map();
        this.dualOptions = /* @__PURE__ */ new Set();
        options.forEach((option) => {
          if (option.negate) {
            this.negativeOptions.set(option.attributeName(), option);
          } else {
            this.positiveOptions.set(option.attributeName(), option);
          }
        });
        this.negativeOptions.forEach((value, key) => {
          if (this.positiveOptions.has(key)) {
            this.dualOptions.add(key);
          }
        });
      }
      /**
       * Did the value come from the option, and not from possible matching dual option?
       *
       * @param {*} value
       * @param {Option} option
       * @returns {boolean}
       */
      valueFromOption(value, option) {
        const optionKey = option.attributeName();
        if (!this.dualOptions.has(optionKey)) return true;
        const preset = this.negativeOptions.get(optionKey).presetArg;
        const negativeValue = preset !== void 0 ? preset : false;
        return option.negate === (negativeValue === value);
      }
    };
    function camelcase(str) {
      return str.split("-").reduce((str2, word) => {
        return str2 + word[0].toUpperCase() + word.slice(1);
      });
    }
    function splitOptionFlags(flags) {
      let shortFlag;
      let longFlag;
      const shortFlagExp = /^-[^-]$/;
      const longFlagExp = /^--[^-]/;
      const flagParts = flags.split(/[ |,]+/).concat("guard");
      if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
      if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
      if (!shortFlag && shortFlagExp.test(flagParts[0]))
        shortFlag = flagParts.shift();
      if (!shortFlag && longFlagExp.test(flagParts[0])) {
        shortFlag = longFlag;
        longFlag = flagParts.shift();
      }
      if (flagParts[0].startsWith("-")) {
        const unsupportedFlag = flagParts[0];
        const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
        if (/^-[^-][^-]/.test(unsupportedFlag))
          throw new Error(
            `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`
          );
        if (shortFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many short flags`);
        if (longFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many long flags`);
        throw new Error(`${baseError}
- unrecognised flag format`);
      }
      if (shortFlag === void 0 && longFlag === void 0)
        throw new Error(
          `option creation failed due to no flags found in '${flags}'.`
        );
      return { shortFlag, longFlag };
    }
    exports.Option = Option2;
    exports.DualOptions = DualOptions;
  }
});

// node_modules/commander/lib/suggestSimilar.js
var require_suggestSimilar = __commonJS({
  "node_modules/commander/lib/suggestSimilar.js"(exports) {
    var maxDistance = 3;
    function editDistance(a, b) {
      if (Math.abs(a.length - b.length) > maxDistance)
        return Math.max(a.length, b.length);
      const d = [];
      for (let i = 0; i <= a.length; i++) {
        d[i] = [i];
      }
      for (let j = 0; j <= b.length; j++) {
        d[0][j] = j;
      }
      for (let j = 1; j <= b.length; j++) {
        for (let i = 1; i <= a.length; i++) {
          let cost = 1;
          if (a[i - 1] === b[j - 1]) {
            cost = 0;
          } else {
            cost = 1;
          }
          d[i][j] = Math.min(
            d[i - 1][j] + 1,
            // deletion
            d[i][j - 1] + 1,
            // insertion
            d[i - 1][j - 1] + cost
            // substitution
          );
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
          }
        }
      }
      return d[a.length][b.length];
    }
    function suggestSimilar(word, candidates) {
      if (!candidates || candidates.length === 0) return "";
      candidates = Array.from(new Set(candidates));
      const searchingOptions = word.startsWith("--");
      if (searchingOptions) {
        word = word.slice(2);
        candidates = candidates.map((candidate) => candidate.slice(2));
      }
      let similar = [];
      let bestDistance = maxDistance;
      const minSimilarity = 0.4;
      candidates.forEach((candidate) => {
        if (candidate.length <= 1) return;
        const distance = editDistance(word, candidate);
        const length = Math.max(word.length, candidate.length);
        const similarity = (length - distance) / length;
        if (similarity > minSimilarity) {
          if (distance < bestDistance) {
            bestDistance = distance;
            similar = [candidate];
          } else if (distance === bestDistance) {
            similar.push(candidate);
          }
        }
      });
      similar.sort((a, b) => a.localeCompare(b));
      if (searchingOptions) {
        similar = similar.map((candidate) => `--${candidate}`);
      }
      if (similar.length > 1) {
        return `
(Did you mean one of ${similar.join(", ")}?)`;
      }
      if (similar.length === 1) {
        return `
(Did you mean ${similar[0]}?)`;
      }
      return "";
    }
    exports.suggestSimilar = suggestSimilar;
  }
});

// node_modules/commander/lib/command.js
var require_command = __commonJS({
  "node_modules/commander/lib/command.js"(exports) {
    var EventEmitter = __require("node:events").EventEmitter;
    var childProcess = require_child_process();
    var path = __require("node:path");
    var fs = __require("node:fs");
    var process2 = __require("node:process");
    var { Argument: Argument2, humanReadableArgName } = require_argument();
    var { CommanderError: CommanderError2 } = require_error();
    var { Help: Help2, stripColor } = require_help();
    var { Option: Option2, DualOptions } = require_option();
    var { suggestSimilar } = require_suggestSimilar();
    var Command2 = class _Command extends EventEmitter {
      /**
       * Initialize a new `Command`.
       *
       * @param {string} [name]
       */
      constructor(name) {
        super();
        this.commands = [];
        this.options = [];
        this.parent = null;
        this._allowUnknownOption = false;
        this._allowExcessArguments = false;
        this.registeredArguments = [];
        this._args = this.registeredArguments;
        this.args = [];
        this.rawArgs = [];
        this.processedArgs = [];
        this._scriptPath = null;
        this._name = name || "";
        this._optionValues = {};
        this._optionValueSources = {};
        this._storeOptionsAsProperties = false;
        this._actionHandler = null;
        this._executableHandler = false;
        this._executableFile = null;
        this._executableDir = null;
        this._defaultCommandName = null;
        this._exitCallback = null;
        this._aliases = [];
        this._combineFlagAndOptionalValue = true;
        this._description = "";
        this._summary = "";
        this._argsDescription = void 0;
        this._enablePositionalOptions = false;
        this._passThroughOptions = false;
        this._lifeCycleHooks = {};
        this._showHelpAfterError = false;
        this._showSuggestionAfterError = true;
        this._savedState = null;
        this._outputConfiguration = {
          writeOut: (str) => process2.stdout.write(str),
          writeErr: (str) => process2.stderr.write(str),
          outputError: (str, write) => write(str),
          getOutHelpWidth: () => process2.stdout.isTTY ? process2.stdout.columns : void 0,
          getErrHelpWidth: () => process2.stderr.isTTY ? process2.stderr.columns : void 0,
          getOutHasColors: () => useColor() ?? (process2.stdout.isTTY && process2.stdout.hasColors?.()),
          getErrHasColors: () => useColor() ?? (process2.stderr.isTTY && process2.stderr.hasColors?.()),
          stripColor: (str) => stripColor(str)
        };
        this._hidden = false;
        this._helpOption = void 0;
        this._addImplicitHelpCommand = void 0;
        this._helpCommand = void 0;
        this._helpConfiguration = {};
        this._helpGroupHeading = void 0;
        this._defaultCommandGroup = void 0;
        this._defaultOptionGroup = void 0;
      }
      /**
       * Copy settings that are useful to have in common across root command and subcommands.
       *
       * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
       *
       * @param {Command} sourceCommand
       * @return {Command} `this` command for chaining
       */
      copyInheritedSettings(sourceCommand) {
        this._outputConfiguration = sourceCommand._outputConfiguration;
        this._helpOption = sourceCommand._helpOption;
        this._helpCommand = sourceCommand._helpCommand;
        this._helpConfiguration = sourceCommand._helpConfiguration;
        this._exitCallback = sourceCommand._exitCallback;
        this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
        this._combineFlagAndOptionalValue = sourceCommand._combineFlagAndOptionalValue;
        this._allowExcessArguments = sourceCommand._allowExcessArguments;
        this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
        this._showHelpAfterError = sourceCommand._showHelpAfterError;
        this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;
        return this;
      }
      /**
       * @returns {Command[]}
       * @private
       */
      _getCommandAndAncestors() {
        const result = [];
        for (let command = this; command; command = command.parent) {
          result.push(command);
        }
        return result;
      }
      /**
       * Define a command.
       *
       * There are two styles of command: pay attention to where to put the description.
       *
       * @example
       * // Command implemented using action handler (description is supplied separately to `.command`)
       * program
       *   .command('clone <source> [destination]')
       *   .description('clone a repository into a newly created directory')
       *   .action((source, destination) => {
       *     console.log('clone command called');
       *   });
       *
       * // Command implemented using separate executable file (description is second parameter to `.command`)
       * program
       *   .command('start <service>', 'start named service')
       *   .command('stop [service]', 'stop named service, or all if no name supplied');
       *
       * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
       * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
       * @param {object} [execOpts] - configuration options (for executable)
       * @return {Command} returns new command for action handler, or `this` for executable command
       */
      command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
        let desc = actionOptsOrExecDesc;
        let opts = execOpts;
        if (typeof desc === "object" && desc !== null) {
          opts = desc;
          desc = null;
        }
        opts = opts || {};
        const [, name, args] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const cmd = this.createCommand(name);
        if (desc) {
          cmd.description(desc);
          cmd._executableHandler = true;
        }
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        cmd._hidden = !!(opts.noHelp || opts.hidden);
        cmd._executableFile = opts.executableFile || null;
        if (args) cmd.arguments(args);
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd.copyInheritedSettings(this);
        if (desc) return this;
        return cmd;
      }
      /**
       * Factory routine to create a new unattached command.
       *
       * See .command() for creating an attached subcommand, which uses this routine to
       * create the command. You can override createCommand to customise subcommands.
       *
       * @param {string} [name]
       * @return {Command} new command
       */
      createCommand(name) {
        return new _Command(name);
      }
      /**
       * You can customise the help with a subclass of Help by overriding createHelp,
       * or by overriding Help properties using configureHelp().
       *
       * @return {Help}
       */
      createHelp() {
        return Object.assign(new Help2(), this.configureHelp());
      }
      /**
       * You can customise the help by overriding Help properties using configureHelp(),
       * or with a subclass of Help by overriding createHelp().
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureHelp(configuration) {
        if (configuration === void 0) return this._helpConfiguration;
        this._helpConfiguration = configuration;
        return this;
      }
      /**
       * The default output goes to stdout and stderr. You can customise this for special
       * applications. You can also customise the display of errors by overriding outputError.
       *
       * The configuration properties are all functions:
       *
       *     // change how output being written, defaults to stdout and stderr
       *     writeOut(str)
       *     writeErr(str)
       *     // change how output being written for errors, defaults to writeErr
       *     outputError(str, write) // used for displaying errors and not used for displaying help
       *     // specify width for wrapping help
       *     getOutHelpWidth()
       *     getErrHelpWidth()
       *     // color support, currently only used with Help
       *     getOutHasColors()
       *     getErrHasColors()
       *     stripColor() // used to remove ANSI escape codes if output does not have colors
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureOutput(configuration) {
        if (configuration === void 0) return this._outputConfiguration;
        this._outputConfiguration = {
          ...this._outputConfiguration,
          ...configuration
        };
        return this;
      }
      /**
       * Display the help or a custom message after an error occurs.
       *
       * @param {(boolean|string)} [displayHelp]
       * @return {Command} `this` command for chaining
       */
      showHelpAfterError(displayHelp = true) {
        if (typeof displayHelp !== "string") displayHelp = !!displayHelp;
        this._showHelpAfterError = displayHelp;
        return this;
      }
      /**
       * Display suggestion of similar commands for unknown commands, or options for unknown options.
       *
       * @param {boolean} [displaySuggestion]
       * @return {Command} `this` command for chaining
       */
      showSuggestionAfterError(displaySuggestion = true) {
        this._showSuggestionAfterError = !!displaySuggestion;
        return this;
      }
      /**
       * Add a prepared subcommand.
       *
       * See .command() for creating an attached subcommand which inherits settings from its parent.
       *
       * @param {Command} cmd - new subcommand
       * @param {object} [opts] - configuration options
       * @return {Command} `this` command for chaining
       */
      addCommand(cmd, opts) {
        if (!cmd._name) {
          throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
        }
        opts = opts || {};
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        if (opts.noHelp || opts.hidden) cmd._hidden = true;
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd._checkForBrokenPassThrough();
        return this;
      }
      /**
       * Factory routine to create a new unattached argument.
       *
       * See .argument() for creating an attached argument, which uses this routine to
       * create the argument. You can override createArgument to return a custom argument.
       *
       * @param {string} name
       * @param {string} [description]
       * @return {Argument} new argument
       */
      createArgument(name, description) {
        return new Argument2(name, description);
      }
      /**
       * Define argument syntax for command.
       *
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @example
       * program.argument('<input-file>');
       * program.argument('[output-file]');
       *
       * @param {string} name
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom argument processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      argument(name, description, parseArg, defaultValue) {
        const argument = this.createArgument(name, description);
        if (typeof parseArg === "function") {
          argument.default(defaultValue).argParser(parseArg);
        } else {
          argument.default(parseArg);
        }
        this.addArgument(argument);
        return this;
      }
      /**
       * Define argument syntax for command, adding multiple at once (without descriptions).
       *
       * See also .argument().
       *
       * @example
       * program.arguments('<cmd> [env]');
       *
       * @param {string} names
       * @return {Command} `this` command for chaining
       */
      arguments(names) {
        names.trim().split(/ +/).forEach((detail) => {
          this.argument(detail);
        });
        return this;
      }
      /**
       * Define argument syntax for command, adding a prepared argument.
       *
       * @param {Argument} argument
       * @return {Command} `this` command for chaining
       */
      addArgument(argument) {
        const previousArgument = this.registeredArguments.slice(-1)[0];
        if (previousArgument?.variadic) {
          throw new Error(
            `only the last argument can be variadic '${previousArgument.name()}'`
          );
        }
        if (argument.required && argument.defaultValue !== void 0 && argument.parseArg === void 0) {
          throw new Error(
            `a default value for a required argument is never used: '${argument.name()}'`
          );
        }
        this.registeredArguments.push(argument);
        return this;
      }
      /**
       * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
       *
       * @example
       *    program.helpCommand('help [cmd]');
       *    program.helpCommand('help [cmd]', 'show help');
       *    program.helpCommand(false); // suppress default help command
       *    program.helpCommand(true); // add help command even if no subcommands
       *
       * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
       * @param {string} [description] - custom description
       * @return {Command} `this` command for chaining
       */
      helpCommand(enableOrNameAndArgs, description) {
        if (typeof enableOrNameAndArgs === "boolean") {
          this._addImplicitHelpCommand = enableOrNameAndArgs;
          if (enableOrNameAndArgs && this._defaultCommandGroup) {
            this._initCommandGroup(this._getHelpCommand());
          }
          return this;
        }
        const nameAndArgs = enableOrNameAndArgs ?? "help [command]";
        const [, helpName, helpArgs] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const helpDescription = description ?? "display help for command";
        const helpCommand = this.createCommand(helpName);
        helpCommand.helpOption(false);
        if (helpArgs) helpCommand.arguments(helpArgs);
        if (helpDescription) helpCommand.description(helpDescription);
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        if (enableOrNameAndArgs || description) this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Add prepared custom help command.
       *
       * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
       * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
       * @return {Command} `this` command for chaining
       */
      addHelpCommand(helpCommand, deprecatedDescription) {
        if (typeof helpCommand !== "object") {
          this.helpCommand(helpCommand, deprecatedDescription);
          return this;
        }
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Lazy create help command.
       *
       * @return {(Command|null)}
       * @package
       */
      _getHelpCommand() {
        const hasImplicitHelpCommand = this._addImplicitHelpCommand ?? (this.commands.length && !this._actionHandler && !this._findCommand("help"));
        if (hasImplicitHelpCommand) {
          if (this._helpCommand === void 0) {
            this.helpCommand(void 0, void 0);
          }
          return this._helpCommand;
        }
        return null;
      }
      /**
       * Add hook for life cycle event.
       *
       * @param {string} event
       * @param {Function} listener
       * @return {Command} `this` command for chaining
       */
      hook(event, listener) {
        const allowedValues = ["preSubcommand", "preAction", "postAction"];
        if (!allowedValues.includes(event)) {
          throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        if (this._lifeCycleHooks[event]) {
          this._lifeCycleHooks[event].push(listener);
        } else {
          this._lifeCycleHooks[event] = [listener];
        }
        return this;
      }
      /**
       * Register callback to use as replacement for calling process.exit.
       *
       * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
       * @return {Command} `this` command for chaining
       */
      exitOverride(fn) {
        if (fn) {
          this._exitCallback = fn;
        } else {
          this._exitCallback = (err) => {
            if (err.code !== "commander.executeSubCommandAsync") {
              throw err;
            } else {
            }
          };
        }
        return this;
      }
      /**
       * Call process.exit, and _exitCallback if defined.
       *
       * @param {number} exitCode exit code for using with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       * @return never
       * @private
       */
      _exit(exitCode, code, message) {
        if (this._exitCallback) {
          this._exitCallback(new CommanderError2(exitCode, code, message));
        }
        process2.exit(exitCode);
      }
      /**
       * Register callback `fn` for the command.
       *
       * @example
       * program
       *   .command('serve')
       *   .description('start service')
       *   .action(function() {
       *      // do work here
       *   });
       *
       * @param {Function} fn
       * @return {Command} `this` command for chaining
       */
      action(fn) {
        const listener = (args) => {
          const expectedArgsCount = this.registeredArguments.length;
          const actionArgs = args.slice(0, expectedArgsCount);
          if (this._storeOptionsAsProperties) {
            actionArgs[expectedArgsCount] = this;
          } else {
            actionArgs[expectedArgsCount] = this.opts();
          }
          actionArgs.push(this);
          return fn.apply(this, actionArgs);
        };
        this._actionHandler = listener;
        return this;
      }
      /**
       * Factory routine to create a new unattached option.
       *
       * See .option() for creating an attached option, which uses this routine to
       * create the option. You can override createOption to return a custom option.
       *
       * @param {string} flags
       * @param {string} [description]
       * @return {Option} new option
       */
      createOption(flags, description) {
        return new Option2(flags, description);
      }
      /**
       * Wrap parseArgs to catch 'commander.invalidArgument'.
       *
       * @param {(Option | Argument)} target
       * @param {string} value
       * @param {*} previous
       * @param {string} invalidArgumentMessage
       * @private
       */
      _callParseArg(target, value, previous, invalidArgumentMessage) {
        try {
          return target.parseArg(value, previous);
        } catch (err) {
          if (err.code === "commander.invalidArgument") {
            const message = `${invalidArgumentMessage} ${err.message}`;
            this.error(message, { exitCode: err.exitCode, code: err.code });
          }
          throw err;
        }
      }
      /**
       * Check for option flag conflicts.
       * Register option if no conflicts found, or throw on conflict.
       *
       * @param {Option} option
       * @private
       */
      _registerOption(option) {
        const matchingOption = option.short && this._findOption(option.short) || option.long && this._findOption(option.long);
        if (matchingOption) {
          const matchingFlag = option.long && this._findOption(option.long) ? option.long : option.short;
          throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
        }
        this._initOptionGroup(option);
        this.options.push(option);
      }
      /**
       * Check for command name and alias conflicts with existing commands.
       * Register command if no conflicts found, or throw on conflict.
       *
       * @param {Command} command
       * @private
       */
      _registerCommand(command) {
        const knownBy = (cmd) => {
          return [cmd.name()].concat(cmd.aliases());
        };
        const alreadyUsed = knownBy(command).find(
          (name) => this._findCommand(name)
        );
        if (alreadyUsed) {
          const existingCmd = knownBy(this._findCommand(alreadyUsed)).join("|");
          const newCmd = knownBy(command).join("|");
          throw new Error(
            `cannot add command '${newCmd}' as already have command '${existingCmd}'`
          );
        }
        this._initCommandGroup(command);
        this.commands.push(command);
      }
      /**
       * Add an option.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addOption(option) {
        this._registerOption(option);
        const oname = option.name();
        const name = option.attributeName();
        if (option.negate) {
          const positiveLongFlag = option.long.replace(/^--no-/, "--");
          if (!this._findOption(positiveLongFlag)) {
            this.setOptionValueWithSource(
              name,
              option.defaultValue === void 0 ? true : option.defaultValue,
              "default"
            );
          }
        } else if (option.defaultValue !== void 0) {
          this.setOptionValueWithSource(name, option.defaultValue, "default");
        }
        const handleOptionValue = (val, invalidValueMessage, valueSource) => {
          if (val == null && option.presetArg !== void 0) {
            val = option.presetArg;
          }
          const oldValue = this.getOptionValue(name);
          if (val !== null && option.parseArg) {
            val = this._callParseArg(option, val, oldValue, invalidValueMessage);
          } else if (val !== null && option.variadic) {
            val = option._collectValue(val, oldValue);
          }
          if (val == null) {
            if (option.negate) {
              val = false;
            } else if (option.isBoolean() || option.optional) {
              val = true;
            } else {
              val = "";
            }
          }
          this.setOptionValueWithSource(name, val, valueSource);
        };
        this.on("option:" + oname, (val) => {
          const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
          handleOptionValue(val, invalidValueMessage, "cli");
        });
        if (option.envVar) {
          this.on("optionEnv:" + oname, (val) => {
            const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
            handleOptionValue(val, invalidValueMessage, "env");
          });
        }
        return this;
      }
      /**
       * Internal implementation shared by .option() and .requiredOption()
       *
       * @return {Command} `this` command for chaining
       * @private
       */
      _optionEx(config, flags, description, fn, defaultValue) {
        if (typeof flags === "object" && flags instanceof Option2) {
          throw new Error(
            "To add an Option object use addOption() instead of option() or requiredOption()"
          );
        }
        const option = this.createOption(flags, description);
        option.makeOptionMandatory(!!config.mandatory);
        if (typeof fn === "function") {
          option.default(defaultValue).argParser(fn);
        } else if (fn instanceof RegExp) {
          const regex = fn;
          fn = (val, def) => {
            const m = regex.exec(val);
            return m ? m[0] : def;
          };
          option.default(defaultValue).argParser(fn);
        } else {
          option.default(fn);
        }
        return this.addOption(option);
      }
      /**
       * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
       * option-argument is indicated by `<>` and an optional option-argument by `[]`.
       *
       * See the README for more details, and see also addOption() and requiredOption().
       *
       * @example
       * program
       *     .option('-p, --pepper', 'add pepper')
       *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
       *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
       *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      option(flags, description, parseArg, defaultValue) {
        return this._optionEx({}, flags, description, parseArg, defaultValue);
      }
      /**
       * Add a required option which must have a value after parsing. This usually means
       * the option must be specified on the command line. (Otherwise the same as .option().)
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      requiredOption(flags, description, parseArg, defaultValue) {
        return this._optionEx(
          { mandatory: true },
          flags,
          description,
          parseArg,
          defaultValue
        );
      }
      /**
       * Alter parsing of short flags with optional values.
       *
       * @example
       * // for `.option('-f,--flag [value]'):
       * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
       * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
       *
       * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
       * @return {Command} `this` command for chaining
       */
      combineFlagAndOptionalValue(combine = true) {
        this._combineFlagAndOptionalValue = !!combine;
        return this;
      }
      /**
       * Allow unknown options on the command line.
       *
       * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
       * @return {Command} `this` command for chaining
       */
      allowUnknownOption(allowUnknown = true) {
        this._allowUnknownOption = !!allowUnknown;
        return this;
      }
      /**
       * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
       *
       * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
       * @return {Command} `this` command for chaining
       */
      allowExcessArguments(allowExcess = true) {
        this._allowExcessArguments = !!allowExcess;
        return this;
      }
      /**
       * Enable positional options. Positional means global options are specified before subcommands which lets
       * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
       * The default behaviour is non-positional and global options may appear anywhere on the command line.
       *
       * @param {boolean} [positional]
       * @return {Command} `this` command for chaining
       */
      enablePositionalOptions(positional = true) {
        this._enablePositionalOptions = !!positional;
        return this;
      }
      /**
       * Pass through options that come after command-arguments rather than treat them as command-options,
       * so actual command-options come before command-arguments. Turning this on for a subcommand requires
       * positional options to have been enabled on the program (parent commands).
       * The default behaviour is non-positional and options may appear before or after command-arguments.
       *
       * @param {boolean} [passThrough] for unknown options.
       * @return {Command} `this` command for chaining
       */
      passThroughOptions(passThrough = true) {
        this._passThroughOptions = !!passThrough;
        this._checkForBrokenPassThrough();
        return this;
      }
      /**
       * @private
       */
      _checkForBrokenPassThrough() {
        if (this.parent && this._passThroughOptions && !this.parent._enablePositionalOptions) {
          throw new Error(
            `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`
          );
        }
      }
      /**
       * Whether to store option values as properties on command object,
       * or store separately (specify false). In both cases the option values can be accessed using .opts().
       *
       * @param {boolean} [storeAsProperties=true]
       * @return {Command} `this` command for chaining
       */
      storeOptionsAsProperties(storeAsProperties = true) {
        if (this.options.length) {
          throw new Error("call .storeOptionsAsProperties() before adding options");
        }
        if (Object.keys(this._optionValues).length) {
          throw new Error(
            "call .storeOptionsAsProperties() before setting option values"
          );
        }
        this._storeOptionsAsProperties = !!storeAsProperties;
        return this;
      }
      /**
       * Retrieve option value.
       *
       * @param {string} key
       * @return {object} value
       */
      getOptionValue(key) {
        if (this._storeOptionsAsProperties) {
          return this[key];
        }
        return this._optionValues[key];
      }
      /**
       * Store option value.
       *
       * @param {string} key
       * @param {object} value
       * @return {Command} `this` command for chaining
       */
      setOptionValue(key, value) {
        return this.setOptionValueWithSource(key, value, void 0);
      }
      /**
       * Store option value and where the value came from.
       *
       * @param {string} key
       * @param {object} value
       * @param {string} source - expected values are default/config/env/cli/implied
       * @return {Command} `this` command for chaining
       */
      setOptionValueWithSource(key, value, source) {
        if (this._storeOptionsAsProperties) {
          this[key] = value;
        } else {
          this._optionValues[key] = value;
        }
        this._optionValueSources[key] = source;
        return this;
      }
      /**
       * Get source of option value.
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSource(key) {
        return this._optionValueSources[key];
      }
      /**
       * Get source of option value. See also .optsWithGlobals().
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSourceWithGlobals(key) {
        let source;
        this._getCommandAndAncestors().forEach((cmd) => {
          if (cmd.getOptionValueSource(key) !== void 0) {
            source = cmd.getOptionValueSource(key);
          }
        });
        return source;
      }
      /**
       * Get user arguments from implied or explicit arguments.
       * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
       *
       * @private
       */
      _prepareUserArgs(argv, parseOptions) {
        if (argv !== void 0 && !Array.isArray(argv)) {
          throw new Error("first parameter to parse must be array or undefined");
        }
        parseOptions = parseOptions || {};
        if (argv === void 0 && parseOptions.from === void 0) {
          if (process2.versions?.electron) {
            parseOptions.from = "electron";
          }
          const execArgv = process2.execArgv ?? [];
          if (execArgv.includes("-e") || execArgv.includes("--eval") || execArgv.includes("-p") || execArgv.includes("--print")) {
            parseOptions.from = "eval";
          }
        }
        if (argv === void 0) {
          argv = process2.argv;
        }
        this.rawArgs = argv.slice();
        let userArgs;
        switch (parseOptions.from) {
          case void 0:
          case "node":
            this._scriptPath = argv[1];
            userArgs = argv.slice(2);
            break;
          case "electron":
            if (process2.defaultApp) {
              this._scriptPath = argv[1];
              userArgs = argv.slice(2);
            } else {
              userArgs = argv.slice(1);
            }
            break;
          case "user":
            userArgs = argv.slice(0);
            break;
          case "eval":
            userArgs = argv.slice(1);
            break;
          default:
            throw new Error(
              `unexpected parse option { from: '${parseOptions.from}' }`
            );
        }
        if (!this._name && this._scriptPath)
          this.nameFromFilename(this._scriptPath);
        this._name = this._name || "program";
        return userArgs;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Use parseAsync instead of parse if any of your action handlers are async.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * program.parse(); // parse process.argv and auto-detect electron and special node flags
       * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
       * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv] - optional, defaults to process.argv
       * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
       * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
       * @return {Command} `this` command for chaining
       */
      parse(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        this._parseCommand([], userArgs);
        return this;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
       * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
       * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv]
       * @param {object} [parseOptions]
       * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
       * @return {Promise}
       */
      async parseAsync(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        await this._parseCommand([], userArgs);
        return this;
      }
      _prepareForParse() {
        if (this._savedState === null) {
          this.saveStateBeforeParse();
        } else {
          this.restoreStateBeforeParse();
        }
      }
      /**
       * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state saved.
       */
      saveStateBeforeParse() {
        this._savedState = {
          // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
          _name: this._name,
          // option values before parse have default values (including false for negated options)
          // shallow clones
          _optionValues: { ...this._optionValues },
          _optionValueSources: { ...this._optionValueSources }
        };
      }
      /**
       * Restore state before parse for calls after the first.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state restored.
       */
      restoreStateBeforeParse() {
        if (this._storeOptionsAsProperties)
          throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);
        this._name = this._savedState._name;
        this._scriptPath = null;
        this.rawArgs = [];
        this._optionValues = { ...this._savedState._optionValues };
        this._optionValueSources = { ...this._savedState._optionValueSources };
        this.args = [];
        this.processedArgs = [];
      }
      /**
       * Throw if expected executable is missing. Add lots of help for author.
       *
       * @param {string} executableFile
       * @param {string} executableDir
       * @param {string} subcommandName
       */
      _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
        if (fs.existsSync(executableFile)) return;
        const executableDirMessage = executableDir ? `searched for local subcommand relative to directory '${executableDir}'` : "no directory for search for local subcommand, use .executableDir() to supply a custom directory";
        const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
        throw new Error(executableMissing);
      }
      /**
       * Execute a sub-command executable.
       *
       * @private
       */
      _executeSubCommand(subcommand, args) {
        args = args.slice();
        let launchWithNode = false;
        const sourceExt = [".js", ".ts", ".tsx", ".mjs", ".cjs"];
        function findFile(baseDir, baseName) {
          const localBin = path.resolve(baseDir, baseName);
          if (fs.existsSync(localBin)) return localBin;
          if (sourceExt.includes(path.extname(baseName))) return void 0;
          const foundExt = sourceExt.find(
            (ext) => fs.existsSync(`${localBin}${ext}`)
          );
          if (foundExt) return `${localBin}${foundExt}`;
          return void 0;
        }
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        let executableFile = subcommand._executableFile || `${this._name}-${subcommand._name}`;
        let executableDir = this._executableDir || "";
        if (this._scriptPath) {
          let resolvedScriptPath;
          try {
            resolvedScriptPath = fs.realpathSync(this._scriptPath);
          } catch {
            resolvedScriptPath = this._scriptPath;
          }
          executableDir = path.resolve(
            path.dirname(resolvedScriptPath),
            executableDir
          );
        }
        if (executableDir) {
          let localFile = findFile(executableDir, executableFile);
          if (!localFile && !subcommand._executableFile && this._scriptPath) {
            const legacyName = path.basename(
              this._scriptPath,
              path.extname(this._scriptPath)
            );
            if (legacyName !== this._name) {
              localFile = findFile(
                executableDir,
                `${legacyName}-${subcommand._name}`
              );
            }
          }
          executableFile = localFile || executableFile;
        }
        launchWithNode = sourceExt.includes(path.extname(executableFile));
        let proc;
        if (process2.platform !== "win32") {
          if (launchWithNode) {
            args.unshift(executableFile);
            args = incrementNodeInspectorPort(process2.execArgv).concat(args);
            proc = childProcess.spawn(process2.argv[0], args, { stdio: "inherit" });
          } else {
            proc = childProcess.spawn(executableFile, args, { stdio: "inherit" });
          }
        } else {
          this._checkForMissingExecutable(
            executableFile,
            executableDir,
            subcommand._name
          );
          args.unshift(executableFile);
          args = incrementNodeInspectorPort(process2.execArgv).concat(args);
          proc = childProcess.spawn(process2.execPath, args, { stdio: "inherit" });
        }
        if (!proc.killed) {
          const signals = ["SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP"];
          signals.forEach((signal) => {
            process2.on(signal, () => {
              if (proc.killed === false && proc.exitCode === null) {
                proc.kill(signal);
              }
            });
          });
        }
        const exitCallback = this._exitCallback;
        proc.on("close", (code) => {
          code = code ?? 1;
          if (!exitCallback) {
            process2.exit(code);
          } else {
            exitCallback(
              new CommanderError2(
                code,
                "commander.executeSubCommandAsync",
                "(close)"
              )
            );
          }
        });
        proc.on("error", (err) => {
          if (err.code === "ENOENT") {
            this._checkForMissingExecutable(
              executableFile,
              executableDir,
              subcommand._name
            );
          } else if (err.code === "EACCES") {
            throw new Error(`'${executableFile}' not executable`);
          }
          if (!exitCallback) {
            process2.exit(1);
          } else {
            const wrappedError = new CommanderError2(
              1,
              "commander.executeSubCommandAsync",
              "(error)"
            );
            wrappedError.nestedError = err;
            exitCallback(wrappedError);
          }
        });
        this.runningCommand = proc;
      }
      /**
       * @private
       */
      _dispatchSubcommand(commandName2, operands, unknown) {
        const subCommand = this._findCommand(commandName2);
        if (!subCommand) this.help({ error: true });
        subCommand._prepareForParse();
        let promiseChain;
        promiseChain = this._chainOrCallSubCommandHook(
          promiseChain,
          subCommand,
          "preSubcommand"
        );
        promiseChain = this._chainOrCall(promiseChain, () => {
          if (subCommand._executableHandler) {
            this._executeSubCommand(subCommand, operands.concat(unknown));
          } else {
            return subCommand._parseCommand(operands, unknown);
          }
        });
        return promiseChain;
      }
      /**
       * Invoke help directly if possible, or dispatch if necessary.
       * e.g. help foo
       *
       * @private
       */
      _dispatchHelpCommand(subcommandName) {
        if (!subcommandName) {
          this.help();
        }
        const subCommand = this._findCommand(subcommandName);
        if (subCommand && !subCommand._executableHandler) {
          subCommand.help();
        }
        return this._dispatchSubcommand(
          subcommandName,
          [],
          [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? "--help"]
        );
      }
      /**
       * Check this.args against expected this.registeredArguments.
       *
       * @private
       */
      _checkNumberOfArguments() {
        this.registeredArguments.forEach((arg, i) => {
          if (arg.required && this.args[i] == null) {
            this.missingArgument(arg.name());
          }
        });
        if (this.registeredArguments.length > 0 && this.registeredArguments[this.registeredArguments.length - 1].variadic) {
          return;
        }
        if (this.args.length > this.registeredArguments.length) {
          this._excessArguments(this.args);
        }
      }
      /**
       * Process this.args using this.registeredArguments and save as this.processedArgs!
       *
       * @private
       */
      _processArguments() {
        const myParseArg = (argument, value, previous) => {
          let parsedValue = value;
          if (value !== null && argument.parseArg) {
            const invalidValueMessage = `error: command-argument value '${value}' is invalid for argument '${argument.name()}'.`;
            parsedValue = this._callParseArg(
              argument,
              value,
              previous,
              invalidValueMessage
            );
          }
          return parsedValue;
        };
        this._checkNumberOfArguments();
        const processedArgs = [];
        this.registeredArguments.forEach((declaredArg, index) => {
          let value = declaredArg.defaultValue;
          if (declaredArg.variadic) {
            if (index < this.args.length) {
              value = this.args.slice(index);
              if (declaredArg.parseArg) {
                value = value.reduce((processed, v) => {
                  return myParseArg(declaredArg, v, processed);
                }, declaredArg.defaultValue);
              }
            } else if (value === void 0) {
              value = [];
            }
          } else if (index < this.args.length) {
            value = this.args[index];
            if (declaredArg.parseArg) {
              value = myParseArg(declaredArg, value, declaredArg.defaultValue);
            }
          }
          processedArgs[index] = value;
        });
        this.processedArgs = processedArgs;
      }
      /**
       * Once we have a promise we chain, but call synchronously until then.
       *
       * @param {(Promise|undefined)} promise
       * @param {Function} fn
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCall(promise, fn) {
        if (promise?.then && typeof promise.then === "function") {
          return promise.then(() => fn());
        }
        return fn();
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallHooks(promise, event) {
        let result = promise;
        const hooks = [];
        this._getCommandAndAncestors().reverse().filter((cmd) => cmd._lifeCycleHooks[event] !== void 0).forEach((hookedCommand) => {
          hookedCommand._lifeCycleHooks[event].forEach((callback) => {
            hooks.push({ hookedCommand, callback });
          });
        });
        if (event === "postAction") {
          hooks.reverse();
        }
        hooks.forEach((hookDetail) => {
          result = this._chainOrCall(result, () => {
            return hookDetail.callback(hookDetail.hookedCommand, this);
          });
        });
        return result;
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {Command} subCommand
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallSubCommandHook(promise, subCommand, event) {
        let result = promise;
        if (this._lifeCycleHooks[event] !== void 0) {
          this._lifeCycleHooks[event].forEach((hook) => {
            result = this._chainOrCall(result, () => {
              return hook(this, subCommand);
            });
          });
        }
        return result;
      }
      /**
       * Process arguments in context of this command.
       * Returns action result, in case it is a promise.
       *
       * @private
       */
      _parseCommand(operands, unknown) {
        const parsed = this.parseOptions(unknown);
        this._parseOptionsEnv();
        this._parseOptionsImplied();
        operands = operands.concat(parsed.operands);
        unknown = parsed.unknown;
        this.args = operands.concat(unknown);
        if (operands && this._findCommand(operands[0])) {
          return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
        }
        if (this._getHelpCommand() && operands[0] === this._getHelpCommand().name()) {
          return this._dispatchHelpCommand(operands[1]);
        }
        if (this._defaultCommandName) {
          this._outputHelpIfRequested(unknown);
          return this._dispatchSubcommand(
            this._defaultCommandName,
            operands,
            unknown
          );
        }
        if (this.commands.length && this.args.length === 0 && !this._actionHandler && !this._defaultCommandName) {
          this.help({ error: true });
        }
        this._outputHelpIfRequested(parsed.unknown);
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        const checkForUnknownOptions = () => {
          if (parsed.unknown.length > 0) {
            this.unknownOption(parsed.unknown[0]);
          }
        };
        const commandEvent = `command:${this.name()}`;
        if (this._actionHandler) {
          checkForUnknownOptions();
          this._processArguments();
          let promiseChain;
          promiseChain = this._chainOrCallHooks(promiseChain, "preAction");
          promiseChain = this._chainOrCall(
            promiseChain,
            () => this._actionHandler(this.processedArgs)
          );
          if (this.parent) {
            promiseChain = this._chainOrCall(promiseChain, () => {
              this.parent.emit(commandEvent, operands, unknown);
            });
          }
          promiseChain = this._chainOrCallHooks(promiseChain, "postAction");
          return promiseChain;
        }
        if (this.parent?.listenerCount(commandEvent)) {
          checkForUnknownOptions();
          this._processArguments();
          this.parent.emit(commandEvent, operands, unknown);
        } else if (operands.length) {
          if (this._findCommand("*")) {
            return this._dispatchSubcommand("*", operands, unknown);
          }
          if (this.listenerCount("command:*")) {
            this.emit("command:*", operands, unknown);
          } else if (this.commands.length) {
            this.unknownCommand();
          } else {
            checkForUnknownOptions();
            this._processArguments();
          }
        } else if (this.commands.length) {
          checkForUnknownOptions();
          this.help({ error: true });
        } else {
          checkForUnknownOptions();
          this._processArguments();
        }
      }
      /**
       * Find matching command.
       *
       * @private
       * @return {Command | undefined}
       */
      _findCommand(name) {
        if (!name) return void 0;
        return this.commands.find(
          (cmd) => cmd._name === name || cmd._aliases.includes(name)
        );
      }
      /**
       * Return an option matching `arg` if any.
       *
       * @param {string} arg
       * @return {Option}
       * @package
       */
      _findOption(arg) {
        return this.options.find((option) => option.is(arg));
      }
      /**
       * Display an error message if a mandatory option does not have a value.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForMissingMandatoryOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd.options.forEach((anOption) => {
            if (anOption.mandatory && cmd.getOptionValue(anOption.attributeName()) === void 0) {
              cmd.missingMandatoryOptionValue(anOption);
            }
          });
        });
      }
      /**
       * Display an error message if conflicting options are used together in this.
       *
       * @private
       */
      _checkForConflictingLocalOptions() {
        const definedNonDefaultOptions = this.options.filter((option) => {
          const optionKey = option.attributeName();
          if (this.getOptionValue(optionKey) === void 0) {
            return false;
          }
          return this.getOptionValueSource(optionKey) !== "default";
        });
        const optionsWithConflicting = definedNonDefaultOptions.filter(
          (option) => option.conflictsWith.length > 0
        );
        optionsWithConflicting.forEach((option) => {
          const conflictingAndDefined = definedNonDefaultOptions.find(
            (defined) => option.conflictsWith.includes(defined.attributeName())
          );
          if (conflictingAndDefined) {
            this._conflictingOption(option, conflictingAndDefined);
          }
        });
      }
      /**
       * Display an error message if conflicting options are used together.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForConflictingOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd._checkForConflictingLocalOptions();
        });
      }
      /**
       * Parse options from `argv` removing known options,
       * and return argv split into operands and unknown arguments.
       *
       * Side effects: modifies command by storing options. Does not reset state if called again.
       *
       * Examples:
       *
       *     argv => operands, unknown
       *     --known kkk op => [op], []
       *     op --known kkk => [op], []
       *     sub --unknown uuu op => [sub], [--unknown uuu op]
       *     sub -- --unknown uuu op => [sub --unknown uuu op], []
       *
       * @param {string[]} args
       * @return {{operands: string[], unknown: string[]}}
       */
      parseOptions(args) {
        const operands = [];
        const unknown = [];
        let dest = operands;
        function maybeOption(arg) {
          return arg.length > 1 && arg[0] === "-";
        }
        const negativeNumberArg = (arg) => {
          if (!/^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/.test(arg)) return false;
          return !this._getCommandAndAncestors().some(
            (cmd) => cmd.options.map((opt) => opt.short).some((short) => /^-\d$/.test(short))
          );
        };
        let activeVariadicOption = null;
        let activeGroup = null;
        let i = 0;
        while (i < args.length || activeGroup) {
          const arg = activeGroup ?? args[i++];
          activeGroup = null;
          if (arg === "--") {
            if (dest === unknown) dest.push(arg);
            dest.push(...args.slice(i));
            break;
          }
          if (activeVariadicOption && (!maybeOption(arg) || negativeNumberArg(arg))) {
            this.emit(`option:${activeVariadicOption.name()}`, arg);
            continue;
          }
          activeVariadicOption = null;
          if (maybeOption(arg)) {
            const option = this._findOption(arg);
            if (option) {
              if (option.required) {
                const value = args[i++];
                if (value === void 0) this.optionMissingArgument(option);
                this.emit(`option:${option.name()}`, value);
              } else if (option.optional) {
                let value = null;
                if (i < args.length && (!maybeOption(args[i]) || negativeNumberArg(args[i]))) {
                  value = args[i++];
                }
                this.emit(`option:${option.name()}`, value);
              } else {
                this.emit(`option:${option.name()}`);
              }
              activeVariadicOption = option.variadic ? option : null;
              continue;
            }
          }
          if (arg.length > 2 && arg[0] === "-" && arg[1] !== "-") {
            const option = this._findOption(`-${arg[1]}`);
            if (option) {
              if (option.required || option.optional && this._combineFlagAndOptionalValue) {
                this.emit(`option:${option.name()}`, arg.slice(2));
              } else {
                this.emit(`option:${option.name()}`);
                activeGroup = `-${arg.slice(2)}`;
              }
              continue;
            }
          }
          if (/^--[^=]+=/.test(arg)) {
            const index = arg.indexOf("=");
            const option = this._findOption(arg.slice(0, index));
            if (option && (option.required || option.optional)) {
              this.emit(`option:${option.name()}`, arg.slice(index + 1));
              continue;
            }
          }
          if (dest === operands && maybeOption(arg) && !(this.commands.length === 0 && negativeNumberArg(arg))) {
            dest = unknown;
          }
          if ((this._enablePositionalOptions || this._passThroughOptions) && operands.length === 0 && unknown.length === 0) {
            if (this._findCommand(arg)) {
              operands.push(arg);
              unknown.push(...args.slice(i));
              break;
            } else if (this._getHelpCommand() && arg === this._getHelpCommand().name()) {
              operands.push(arg, ...args.slice(i));
              break;
            } else if (this._defaultCommandName) {
              unknown.push(arg, ...args.slice(i));
              break;
            }
          }
          if (this._passThroughOptions) {
            dest.push(arg, ...args.slice(i));
            break;
          }
          dest.push(arg);
        }
        return { operands, unknown };
      }
      /**
       * Return an object containing local option values as key-value pairs.
       *
       * @return {object}
       */
      opts() {
        if (this._storeOptionsAsProperties) {
          const result = {};
          const len = this.options.length;
          for (let i = 0; i < len; i++) {
            const key = this.options[i].attributeName();
            result[key] = key === this._versionOptionName ? this._version : this[key];
          }
          return result;
        }
        return this._optionValues;
      }
      /**
       * Return an object containing merged local and global option values as key-value pairs.
       *
       * @return {object}
       */
      optsWithGlobals() {
        return this._getCommandAndAncestors().reduce(
          (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
          {}
        );
      }
      /**
       * Display error message and exit (or call exitOverride).
       *
       * @param {string} message
       * @param {object} [errorOptions]
       * @param {string} [errorOptions.code] - an id string representing the error
       * @param {number} [errorOptions.exitCode] - used with process.exit
       */
      error(message, errorOptions) {
        this._outputConfiguration.outputError(
          `${message}
`,
          this._outputConfiguration.writeErr
        );
        if (typeof this._showHelpAfterError === "string") {
          this._outputConfiguration.writeErr(`${this._showHelpAfterError}
`);
        } else if (this._showHelpAfterError) {
          this._outputConfiguration.writeErr("\n");
          this.outputHelp({ error: true });
        }
        const config = errorOptions || {};
        const exitCode = config.exitCode || 1;
        const code = config.code || "commander.error";
        this._exit(exitCode, code, message);
      }
      /**
       * Apply any option related environment variables, if option does
       * not have a value from cli or client code.
       *
       * @private
       */
      _parseOptionsEnv() {
        this.options.forEach((option) => {
          if (option.envVar && option.envVar in process2.env) {
            const optionKey = option.attributeName();
            if (this.getOptionValue(optionKey) === void 0 || ["default", "config", "env"].includes(
              this.getOptionValueSource(optionKey)
            )) {
              if (option.required || option.optional) {
                this.emit(`optionEnv:${option.name()}`, process2.env[option.envVar]);
              } else {
                this.emit(`optionEnv:${option.name()}`);
              }
            }
          }
        });
      }
      /**
       * Apply any implied option values, if option is undefined or default value.
       *
       * @private
       */
      _parseOptionsImplied() {
        const dualHelper = new DualOptions(this.options);
        const hasCustomOptionValue = (optionKey) => {
          return this.getOptionValue(optionKey) !== void 0 && !["default", "implied"].includes(this.getOptionValueSource(optionKey));
        };
        this.options.filter(
          (option) => option.implied !== void 0 && hasCustomOptionValue(option.attributeName()) && dualHelper.valueFromOption(
            this.getOptionValue(option.attributeName()),
            option
          )
        ).forEach((option) => {
          Object.keys(option.implied).filter((impliedKey) => !hasCustomOptionValue(impliedKey)).forEach((impliedKey) => {
            this.setOptionValueWithSource(
              impliedKey,
              option.implied[impliedKey],
              "implied"
            );
          });
        });
      }
      /**
       * Argument `name` is missing.
       *
       * @param {string} name
       * @private
       */
      missingArgument(name) {
        const message = `error: missing required argument '${name}'`;
        this.error(message, { code: "commander.missingArgument" });
      }
      /**
       * `Option` is missing an argument.
       *
       * @param {Option} option
       * @private
       */
      optionMissingArgument(option) {
        const message = `error: option '${option.flags}' argument missing`;
        this.error(message, { code: "commander.optionMissingArgument" });
      }
      /**
       * `Option` does not have a value, and is a mandatory option.
       *
       * @param {Option} option
       * @private
       */
      missingMandatoryOptionValue(option) {
        const message = `error: required option '${option.flags}' not specified`;
        this.error(message, { code: "commander.missingMandatoryOptionValue" });
      }
      /**
       * `Option` conflicts with another option.
       *
       * @param {Option} option
       * @param {Option} conflictingOption
       * @private
       */
      _conflictingOption(option, conflictingOption) {
        const findBestOptionFromValue = (option2) => {
          const optionKey = option2.attributeName();
          const optionValue = this.getOptionValue(optionKey);
          const negativeOption = this.options.find(
            (target) => target.negate && optionKey === target.attributeName()
          );
          const positiveOption = this.options.find(
            (target) => !target.negate && optionKey === target.attributeName()
          );
          if (negativeOption && (negativeOption.presetArg === void 0 && optionValue === false || negativeOption.presetArg !== void 0 && optionValue === negativeOption.presetArg)) {
            return negativeOption;
          }
          return positiveOption || option2;
        };
        const getErrorMessage = (option2) => {
          const bestOption = findBestOptionFromValue(option2);
          const optionKey = bestOption.attributeName();
          const source = this.getOptionValueSource(optionKey);
          if (source === "env") {
            return `environment variable '${bestOption.envVar}'`;
          }
          return `option '${bestOption.flags}'`;
        };
        const message = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
        this.error(message, { code: "commander.conflictingOption" });
      }
      /**
       * Unknown option `flag`.
       *
       * @param {string} flag
       * @private
       */
      unknownOption(flag) {
        if (this._allowUnknownOption) return;
        let suggestion = "";
        if (flag.startsWith("--") && this._showSuggestionAfterError) {
          let candidateFlags = [];
          let command = this;
          do {
            const moreFlags = command.createHelp().visibleOptions(command).filter((option) => option.long).map((option) => option.long);
            candidateFlags = candidateFlags.concat(moreFlags);
            command = command.parent;
          } while (command && !command._enablePositionalOptions);
          suggestion = suggestSimilar(flag, candidateFlags);
        }
        const message = `error: unknown option '${flag}'${suggestion}`;
        this.error(message, { code: "commander.unknownOption" });
      }
      /**
       * Excess arguments, more than expected.
       *
       * @param {string[]} receivedArgs
       * @private
       */
      _excessArguments(receivedArgs) {
        if (this._allowExcessArguments) return;
        const expected = this.registeredArguments.length;
        const s = expected === 1 ? "" : "s";
        const forSubcommand = this.parent ? ` for '${this.name()}'` : "";
        const message = `error: too many arguments${forSubcommand}. Expected ${expected} argument${s} but got ${receivedArgs.length}.`;
        this.error(message, { code: "commander.excessArguments" });
      }
      /**
       * Unknown command.
       *
       * @private
       */
      unknownCommand() {
        const unknownName = this.args[0];
        let suggestion = "";
        if (this._showSuggestionAfterError) {
          const candidateNames = [];
          this.createHelp().visibleCommands(this).forEach((command) => {
            candidateNames.push(command.name());
            if (command.alias()) candidateNames.push(command.alias());
          });
          suggestion = suggestSimilar(unknownName, candidateNames);
        }
        const message = `error: unknown command '${unknownName}'${suggestion}`;
        this.error(message, { code: "commander.unknownCommand" });
      }
      /**
       * Get or set the program version.
       *
       * This method auto-registers the "-V, --version" option which will print the version number.
       *
       * You can optionally supply the flags and description to override the defaults.
       *
       * @param {string} [str]
       * @param {string} [flags]
       * @param {string} [description]
       * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
       */
      version(str, flags, description) {
        if (str === void 0) return this._version;
        this._version = str;
        flags = flags || "-V, --version";
        description = description || "output the version number";
        const versionOption = this.createOption(flags, description);
        this._versionOptionName = versionOption.attributeName();
        this._registerOption(versionOption);
        this.on("option:" + versionOption.name(), () => {
          this._outputConfiguration.writeOut(`${str}
`);
          this._exit(0, "commander.version", str);
        });
        return this;
      }
      /**
       * Set the description.
       *
       * @param {string} [str]
       * @param {object} [argsDescription]
       * @return {(string|Command)}
       */
      description(str, argsDescription) {
        if (str === void 0 && argsDescription === void 0)
          return this._description;
        this._description = str;
        if (argsDescription) {
          this._argsDescription = argsDescription;
        }
        return this;
      }
      /**
       * Set the summary. Used when listed as subcommand of parent.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      summary(str) {
        if (str === void 0) return this._summary;
        this._summary = str;
        return this;
      }
      /**
       * Set an alias for the command.
       *
       * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
       *
       * @param {string} [alias]
       * @return {(string|Command)}
       */
      alias(alias) {
        if (alias === void 0) return this._aliases[0];
        let command = this;
        if (this.commands.length !== 0 && this.commands[this.commands.length - 1]._executableHandler) {
          command = this.commands[this.commands.length - 1];
        }
        if (alias === command._name)
          throw new Error("Command alias can't be the same as its name");
        const matchingCommand = this.parent?._findCommand(alias);
        if (matchingCommand) {
          const existingCmd = [matchingCommand.name()].concat(matchingCommand.aliases()).join("|");
          throw new Error(
            `cannot add alias '${alias}' to command '${this.name()}' as already have command '${existingCmd}'`
          );
        }
        command._aliases.push(alias);
        return this;
      }
      /**
       * Set aliases for the command.
       *
       * Only the first alias is shown in the auto-generated help.
       *
       * @param {string[]} [aliases]
       * @return {(string[]|Command)}
       */
      aliases(aliases) {
        if (aliases === void 0) return this._aliases;
        aliases.forEach((alias) => this.alias(alias));
        return this;
      }
      /**
       * Set / get the command usage `str`.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      usage(str) {
        if (str === void 0) {
          if (this._usage) return this._usage;
          const args = this.registeredArguments.map((arg) => {
            return humanReadableArgName(arg);
          });
          return [].concat(
            this.options.length || this._helpOption !== null ? "[options]" : [],
            this.commands.length ? "[command]" : [],
            this.registeredArguments.length ? args : []
          ).join(" ");
        }
        this._usage = str;
        return this;
      }
      /**
       * Get or set the name of the command.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      name(str) {
        if (str === void 0) return this._name;
        this._name = str;
        return this;
      }
      /**
       * Set/get the help group heading for this subcommand in parent command's help.
       *
       * @param {string} [heading]
       * @return {Command | string}
       */
      helpGroup(heading) {
        if (heading === void 0) return this._helpGroupHeading ?? "";
        this._helpGroupHeading = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for subcommands added to this command.
       * (This does not override a group set directly on the subcommand using .helpGroup().)
       *
       * @example
       * program.commandsGroup('Development Commands:);
       * program.command('watch')...
       * program.command('lint')...
       * ...
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      commandsGroup(heading) {
        if (heading === void 0) return this._defaultCommandGroup ?? "";
        this._defaultCommandGroup = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for options added to this command.
       * (This does not override a group set directly on the option using .helpGroup().)
       *
       * @example
       * program
       *   .optionsGroup('Development Options:')
       *   .option('-d, --debug', 'output extra debugging')
       *   .option('-p, --profile', 'output profiling information')
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      optionsGroup(heading) {
        if (heading === void 0) return this._defaultOptionGroup ?? "";
        this._defaultOptionGroup = heading;
        return this;
      }
      /**
       * @param {Option} option
       * @private
       */
      _initOptionGroup(option) {
        if (this._defaultOptionGroup && !option.helpGroupHeading)
          option.helpGroup(this._defaultOptionGroup);
      }
      /**
       * @param {Command} cmd
       * @private
       */
      _initCommandGroup(cmd) {
        if (this._defaultCommandGroup && !cmd.helpGroup())
          cmd.helpGroup(this._defaultCommandGroup);
      }
      /**
       * Set the name of the command from script filename, such as process.argv[1],
       * or require.main.filename, or __filename.
       *
       * (Used internally and public although not documented in README.)
       *
       * @example
       * program.nameFromFilename(require.main.filename);
       *
       * @param {string} filename
       * @return {Command}
       */
      nameFromFilename(filename) {
        this._name = path.basename(filename, path.extname(filename));
        return this;
      }
      /**
       * Get or set the directory for searching for executable subcommands of this command.
       *
       * @example
       * program.executableDir(__dirname);
       * // or
       * program.executableDir('subcommands');
       *
       * @param {string} [path]
       * @return {(string|null|Command)}
       */
      executableDir(path2) {
        if (path2 === void 0) return this._executableDir;
        this._executableDir = path2;
        return this;
      }
      /**
       * Return program help documentation.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
       * @return {string}
       */
      helpInformation(contextOptions) {
        const helper = this.createHelp();
        const context = this._getOutputContext(contextOptions);
        helper.prepareContext({
          error: context.error,
          helpWidth: context.helpWidth,
          outputHasColors: context.hasColors
        });
        const text = helper.formatHelp(this, helper);
        if (context.hasColors) return text;
        return this._outputConfiguration.stripColor(text);
      }
      /**
       * @typedef HelpContext
       * @type {object}
       * @property {boolean} error
       * @property {number} helpWidth
       * @property {boolean} hasColors
       * @property {function} write - includes stripColor if needed
       *
       * @returns {HelpContext}
       * @private
       */
      _getOutputContext(contextOptions) {
        contextOptions = contextOptions || {};
        const error = !!contextOptions.error;
        let baseWrite;
        let hasColors;
        let helpWidth;
        if (error) {
          baseWrite = (str) => this._outputConfiguration.writeErr(str);
          hasColors = this._outputConfiguration.getErrHasColors();
          helpWidth = this._outputConfiguration.getErrHelpWidth();
        } else {
          baseWrite = (str) => this._outputConfiguration.writeOut(str);
          hasColors = this._outputConfiguration.getOutHasColors();
          helpWidth = this._outputConfiguration.getOutHelpWidth();
        }
        const write = (str) => {
          if (!hasColors) str = this._outputConfiguration.stripColor(str);
          return baseWrite(str);
        };
        return { error, write, hasColors, helpWidth };
      }
      /**
       * Output help information for this command.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      outputHelp(contextOptions) {
        let deprecatedCallback;
        if (typeof contextOptions === "function") {
          deprecatedCallback = contextOptions;
          contextOptions = void 0;
        }
        const outputContext = this._getOutputContext(contextOptions);
        const eventContext = {
          error: outputContext.error,
          write: outputContext.write,
          command: this
        };
        this._getCommandAndAncestors().reverse().forEach((command) => command.emit("beforeAllHelp", eventContext));
        this.emit("beforeHelp", eventContext);
        let helpInformation = this.helpInformation({ error: outputContext.error });
        if (deprecatedCallback) {
          helpInformation = deprecatedCallback(helpInformation);
          if (typeof helpInformation !== "string" && !Buffer.isBuffer(helpInformation)) {
            throw new Error("outputHelp callback must return a string or a Buffer");
          }
        }
        outputContext.write(helpInformation);
        if (this._getHelpOption()?.long) {
          this.emit(this._getHelpOption().long);
        }
        this.emit("afterHelp", eventContext);
        this._getCommandAndAncestors().forEach(
          (command) => command.emit("afterAllHelp", eventContext)
        );
      }
      /**
       * You can pass in flags and a description to customise the built-in help option.
       * Pass in false to disable the built-in help option.
       *
       * @example
       * program.helpOption('-?, --help' 'show help'); // customise
       * program.helpOption(false); // disable
       *
       * @param {(string | boolean)} flags
       * @param {string} [description]
       * @return {Command} `this` command for chaining
       */
      helpOption(flags, description) {
        if (typeof flags === "boolean") {
          if (flags) {
            if (this._helpOption === null) this._helpOption = void 0;
            if (this._defaultOptionGroup) {
              this._initOptionGroup(this._getHelpOption());
            }
          } else {
            this._helpOption = null;
          }
          return this;
        }
        this._helpOption = this.createOption(
          flags ?? "-h, --help",
          description ?? "display help for command"
        );
        if (flags || description) this._initOptionGroup(this._helpOption);
        return this;
      }
      /**
       * Lazy create help option.
       * Returns null if has been disabled with .helpOption(false).
       *
       * @returns {(Option | null)} the help option
       * @package
       */
      _getHelpOption() {
        if (this._helpOption === void 0) {
          this.helpOption(void 0, void 0);
        }
        return this._helpOption;
      }
      /**
       * Supply your own option to use for the built-in help option.
       * This is an alternative to using helpOption() to customise the flags and description etc.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addHelpOption(option) {
        this._helpOption = option;
        this._initOptionGroup(option);
        return this;
      }
      /**
       * Output help information and exit.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      help(contextOptions) {
        this.outputHelp(contextOptions);
        let exitCode = Number(process2.exitCode ?? 0);
        if (exitCode === 0 && contextOptions && typeof contextOptions !== "function" && contextOptions.error) {
          exitCode = 1;
        }
        this._exit(exitCode, "commander.help", "(outputHelp)");
      }
      /**
       * // Do a little typing to coordinate emit and listener for the help text events.
       * @typedef HelpTextEventContext
       * @type {object}
       * @property {boolean} error
       * @property {Command} command
       * @property {function} write
       */
      /**
       * Add additional text to be displayed with the built-in help.
       *
       * Position is 'before' or 'after' to affect just this command,
       * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
       *
       * @param {string} position - before or after built-in help
       * @param {(string | Function)} text - string to add, or a function returning a string
       * @return {Command} `this` command for chaining
       */
      addHelpText(position, text) {
        const allowedValues = ["beforeAll", "before", "after", "afterAll"];
        if (!allowedValues.includes(position)) {
          throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        const helpEvent = `${position}Help`;
        this.on(helpEvent, (context) => {
          let helpStr;
          if (typeof text === "function") {
            helpStr = text({ error: context.error, command: context.command });
          } else {
            helpStr = text;
          }
          if (helpStr) {
            context.write(`${helpStr}
`);
          }
        });
        return this;
      }
      /**
       * Output help information if help flags specified
       *
       * @param {Array} args - array of options to search for help flags
       * @private
       */
      _outputHelpIfRequested(args) {
        const helpOption = this._getHelpOption();
        const helpRequested = helpOption && args.find((arg) => helpOption.is(arg));
        if (helpRequested) {
          this.outputHelp();
          this._exit(0, "commander.helpDisplayed", "(outputHelp)");
        }
      }
    };
    function incrementNodeInspectorPort(args) {
      return args.map((arg) => {
        if (!arg.startsWith("--inspect")) {
          return arg;
        }
        let debugOption;
        let debugHost = "127.0.0.1";
        let debugPort = "9229";
        let match;
        if ((match = arg.match(/^(--inspect(-brk)?)$/)) !== null) {
          debugOption = match[1];
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+)$/)) !== null) {
          debugOption = match[1];
          if (/^\d+$/.test(match[3])) {
            debugPort = match[3];
          } else {
            debugHost = match[3];
          }
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+):(\d+)$/)) !== null) {
          debugOption = match[1];
          debugHost = match[3];
          debugPort = match[4];
        }
        if (debugOption && debugPort !== "0") {
          return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
        }
        return arg;
      });
    }
    function useColor() {
      if (process2.env.NO_COLOR || process2.env.FORCE_COLOR === "0" || process2.env.FORCE_COLOR === "false")
        return false;
      if (process2.env.FORCE_COLOR || process2.env.CLICOLOR_FORCE !== void 0)
        return true;
      return void 0;
    }
    exports.Command = Command2;
    exports.useColor = useColor;
  }
});

// node_modules/commander/index.js
var require_commander = __commonJS({
  "node_modules/commander/index.js"(exports) {
    var { Argument: Argument2 } = require_argument();
    var { Command: Command2 } = require_command();
    var { CommanderError: CommanderError2, InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var { Help: Help2 } = require_help();
    var { Option: Option2 } = require_option();
    exports.program = new Command2();
    exports.createCommand = (name) => new Command2(name);
    exports.createOption = (flags, description) => new Option2(flags, description);
    exports.createArgument = (name, description) => new Argument2(name, description);
    exports.Command = Command2;
    exports.Option = Option2;
    exports.Argument = Argument2;
    exports.Help = Help2;
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
    exports.InvalidOptionArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/esm.mjs
var import_index, program, createCommand, createArgument, createOption, CommanderError, InvalidArgumentError, InvalidOptionArgumentError, Command, Argument, Option, Help;
var init_esm = __esm({
  "node_modules/commander/esm.mjs"() {
    import_index = __toESM(require_commander(), 1);
    ({
      program,
      createCommand,
      createArgument,
      createOption,
      CommanderError,
      InvalidArgumentError,
      InvalidOptionArgumentError,
      Command: (
        // deprecated old name
        Command
      ),
      Argument,
      Option,
      Help
    } = import_index.default);
  }
});

// src/errors.ts
function fromSqliteError(e, what = "the database") {
  if (e instanceof XtriageError) return e;
  const code = e.code;
  if (typeof code !== "string" || !code.startsWith("SQLITE_")) return e;
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
    return new TryLaterError(`${what} is busy (another xtriage is writing); try again in a moment`);
  }
  if (code === "SQLITE_NOTADB" || code.startsWith("SQLITE_CORRUPT")) {
    return new XtriageError(`${what} is not a usable xtriage database (${code})`);
  }
  if (code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_CANTOPEN") || code === "SQLITE_FULL") {
    return new XtriageError(`cannot write to ${what} (${code})`);
  }
  return e;
}
var Exit, XtriageError, UsageError, TryLaterError;
var init_errors = __esm({
  "src/errors.ts"() {
    "use strict";
    Exit = {
      ok: 0,
      error: 1,
      usage: 2,
      notFound: 3,
      auth: 4,
      tryLater: 5,
      conflict: 6,
      attention: 7,
      interrupted: 130
    };
    XtriageError = class extends Error {
      constructor(message, exitCode = Exit.error, hint) {
        super(message);
        this.exitCode = exitCode;
        this.hint = hint;
        this.name = new.target.name;
      }
      exitCode;
      hint;
    };
    UsageError = class extends XtriageError {
      constructor(message, hint) {
        super(message, Exit.usage, hint);
      }
    };
    TryLaterError = class extends XtriageError {
      constructor(message, hint) {
        super(message, Exit.tryLater, hint);
      }
    };
  }
});

// src/io/sanitize.ts
function standIn(ch) {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 32) return String.fromCodePoint(C0_PICTURES + code);
  if (code === 127) return DELETE_PICTURE;
  if (code >= 128 && code <= 159) return C1_STANDIN;
  if (code === 8232 || code === 8233) return " ";
  return `<U+${code.toString(16).toUpperCase().padStart(4, "0")}>`;
}
function sanitizeText(text, mode = "line") {
  let out = text.replace(UNSAFE, standIn);
  if (mode === "line") out = out.replace(/[\t\n]/g, " ");
  return out;
}
function neutralizeCsvFormula(cell) {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}
function escapeJsonForTerminal(json) {
  return json.replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`
  );
}
var C0_PICTURES, DELETE_PICTURE, C1_STANDIN, UNSAFE, FORMULA_START;
var init_sanitize = __esm({
  "src/io/sanitize.ts"() {
    "use strict";
    C0_PICTURES = 9216;
    DELETE_PICTURE = "\u2421";
    C1_STANDIN = "\uFFFD";
    UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
    FORMULA_START = /^[=+\-@\t\r]/;
  }
});

// src/config.ts
var config_exports = {};
__export(config_exports, {
  DEFAULT_SLA: () => DEFAULT_SLA,
  defaultConfigPath: () => defaultConfigPath,
  defaultDbPath: () => defaultDbPath,
  emptyConfig: () => emptyConfig,
  loadConfig: () => loadConfig,
  resolveConfigPath: () => resolveConfigPath,
  resolveDbPath: () => resolveDbPath
});
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
function defaultDbPath(env = process.env) {
  const base = env.XDG_DATA_HOME || join(env.HOME || homedir(), ".local", "share");
  return join(base, "xtriage", "xtriage.db");
}
function defaultConfigPath(env = process.env) {
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), ".config");
  return join(base, "xtriage", "config.yaml");
}
function resolveConfigPath(flag, env = process.env) {
  const named = flag || env.XTRIAGE_CONFIG;
  return named ? { path: named, explicit: true } : { path: defaultConfigPath(env), explicit: false };
}
function resolveDbPath(flag, env = process.env) {
  return flag || env.XTRIAGE_DB || defaultDbPath(env);
}
function emptyConfig() {
  return {
    path: null,
    accounts: [],
    searchQueries: [],
    competitors: [],
    vipHandles: [],
    crisisHashtags: [],
    popularHashtagAuthors: 5,
    agents: {},
    templates: {},
    scoring: { words: {}, weights: {} },
    prices: {},
    sla: { ...DEFAULT_SLA }
  };
}
async function loadConfig(flag, env = process.env) {
  const { path, explicit } = resolveConfigPath(flag, env);
  if (!existsSync(path)) {
    if (explicit) throw new UsageError(`config file not found: ${path}`);
    return emptyConfig();
  }
  const [yaml, { validateConfigDocument }] = await Promise.all([import("yaml"), import("./config-schema.js")]);
  const parse = yaml.parse ?? yaml.default.parse;
  let doc;
  try {
    doc = parse(readFileSync(path, "utf8")) ?? {};
  } catch (e) {
    throw new UsageError(`config file ${path} is not valid YAML: ${e.message.split("\n")[0]}`);
  }
  const problem = validateConfigDocument(doc);
  if (problem) throw new UsageError(`config file ${path}: ${problem}`);
  return fromDocument(doc, path);
}
function competitorsOf(list) {
  const out = /* @__PURE__ */ new Map();
  for (const entry of list) {
    const { handle, name } = typeof entry === "string" ? { handle: entry, name: void 0 } : entry;
    const key = bare(handle, "@");
    if (!out.has(key)) out.set(key, { handle: key, ...name ? { name } : {} });
  }
  return [...out.values()];
}
function fromDocument(doc, path) {
  const base = emptyConfig();
  const sla = {
    firstResponseMinutes: doc.sla?.first_response_minutes ?? DEFAULT_SLA.firstResponseMinutes,
    ceilingMinutes: doc.sla?.ceiling_minutes ?? DEFAULT_SLA.ceilingMinutes
  };
  const accounts = (doc.accounts ?? []).map((a) => ({
    handle: bare(a.handle, "@"),
    ...a.id !== void 0 ? { id: String(a.id) } : {},
    ...a.lang ? { lang: a.lang } : {},
    sla: {
      firstResponseMinutes: a.sla?.first_response_minutes ?? sla.firstResponseMinutes,
      ceilingMinutes: a.sla?.ceiling_minutes ?? sla.ceilingMinutes
    },
    ...a.business_hours ? { businessHours: a.business_hours } : {}
  }));
  const templates = {};
  for (const [name, t] of Object.entries(doc.templates ?? {}))
    templates[name] = typeof t === "string" ? { text: t } : t;
  return {
    ...base,
    path,
    accounts,
    searchQueries: doc.search_queries ?? [],
    competitors: competitorsOf(doc.competitors ?? []),
    vipHandles: (doc.vip_handles ?? []).map((h) => bare(h, "@")),
    crisisHashtags: (doc.crisis_hashtags ?? []).map((h) => bare(h, "#")),
    popularHashtagAuthors: doc.popular_hashtag_authors ?? base.popularHashtagAuthors,
    agents: doc.agents ?? {},
    templates,
    scoring: { words: doc.scoring?.words ?? {}, weights: doc.scoring?.weights ?? {} },
    prices: doc.prices ?? {},
    sla: accounts[0]?.sla ?? sla
  };
}
var DEFAULT_SLA, bare;
var init_config = __esm({
  "src/config.ts"() {
    "use strict";
    init_errors();
    DEFAULT_SLA = { firstResponseMinutes: 60, ceilingMinutes: 300 };
    bare = (s, sigil) => s.trim().replace(new RegExp(`^\\${sigil}`), "").toLowerCase();
  }
});

// node_modules/better-sqlite3/lib/util.js
var require_util = __commonJS({
  "node_modules/better-sqlite3/lib/util.js"(exports) {
    "use strict";
    exports.getBooleanOption = (options, key) => {
      let value = false;
      if (key in options && typeof (value = options[key]) !== "boolean") {
        throw new TypeError(`Expected the "${key}" option to be a boolean`);
      }
      return value;
    };
    exports.cppdb = /* @__PURE__ */ Symbol();
    exports.inspect = /* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom");
  }
});

// node_modules/better-sqlite3/lib/sqlite-error.js
var require_sqlite_error = __commonJS({
  "node_modules/better-sqlite3/lib/sqlite-error.js"(exports, module) {
    "use strict";
    var descriptor = { value: "SqliteError", writable: true, enumerable: false, configurable: true };
    function SqliteError(message, code) {
      if (new.target !== SqliteError) {
        return new SqliteError(message, code);
      }
      if (typeof code !== "string") {
        throw new TypeError("Expected second argument to be a string");
      }
      Error.call(this, message);
      descriptor.value = "" + message;
      Object.defineProperty(this, "message", descriptor);
      Error.captureStackTrace(this, SqliteError);
      this.code = code;
    }
    Object.setPrototypeOf(SqliteError, Error);
    Object.setPrototypeOf(SqliteError.prototype, Error.prototype);
    Object.defineProperty(SqliteError.prototype, "name", descriptor);
    module.exports = SqliteError;
  }
});

// node_modules/file-uri-to-path/index.js
var require_file_uri_to_path = __commonJS({
  "node_modules/file-uri-to-path/index.js"(exports, module) {
    var sep = __require("path").sep || "/";
    module.exports = fileUriToPath;
    function fileUriToPath(uri) {
      if ("string" != typeof uri || uri.length <= 7 || "file://" != uri.substring(0, 7)) {
        throw new TypeError("must pass in a file:// URI to convert to a file path");
      }
      var rest = decodeURI(uri.substring(7));
      var firstSlash = rest.indexOf("/");
      var host = rest.substring(0, firstSlash);
      var path = rest.substring(firstSlash + 1);
      if ("localhost" == host) host = "";
      if (host) {
        host = sep + sep + host;
      }
      path = path.replace(/^(.+)\|/, "$1:");
      if (sep == "\\") {
        path = path.replace(/\//g, "\\");
      }
      if (/^.+\:/.test(path)) {
      } else {
        path = sep + path;
      }
      return host + path;
    }
  }
});

// node_modules/bindings/bindings.js
var require_bindings = __commonJS({
  "node_modules/bindings/bindings.js"(exports, module) {
    var fs = __require("fs");
    var path = __require("path");
    var fileURLToPath = require_file_uri_to_path();
    var join3 = path.join;
    var dirname2 = path.dirname;
    var exists = fs.accessSync && function(path2) {
      try {
        fs.accessSync(path2);
      } catch (e) {
        return false;
      }
      return true;
    } || fs.existsSync || path.existsSync;
    var defaults = {
      arrow: process.env.NODE_BINDINGS_ARROW || " \u2192 ",
      compiled: process.env.NODE_BINDINGS_COMPILED_DIR || "compiled",
      platform: process.platform,
      arch: process.arch,
      nodePreGyp: "node-v" + process.versions.modules + "-" + process.platform + "-" + process.arch,
      version: process.versions.node,
      bindings: "bindings.node",
      try: [
        // node-gyp's linked version in the "build" dir
        ["module_root", "build", "bindings"],
        // node-waf and gyp_addon (a.k.a node-gyp)
        ["module_root", "build", "Debug", "bindings"],
        ["module_root", "build", "Release", "bindings"],
        // Debug files, for development (legacy behavior, remove for node v0.9)
        ["module_root", "out", "Debug", "bindings"],
        ["module_root", "Debug", "bindings"],
        // Release files, but manually compiled (legacy behavior, remove for node v0.9)
        ["module_root", "out", "Release", "bindings"],
        ["module_root", "Release", "bindings"],
        // Legacy from node-waf, node <= 0.4.x
        ["module_root", "build", "default", "bindings"],
        // Production "Release" buildtype binary (meh...)
        ["module_root", "compiled", "version", "platform", "arch", "bindings"],
        // node-qbs builds
        ["module_root", "addon-build", "release", "install-root", "bindings"],
        ["module_root", "addon-build", "debug", "install-root", "bindings"],
        ["module_root", "addon-build", "default", "install-root", "bindings"],
        // node-pre-gyp path ./lib/binding/{node_abi}-{platform}-{arch}
        ["module_root", "lib", "binding", "nodePreGyp", "bindings"]
      ]
    };
    function bindings(opts) {
      if (typeof opts == "string") {
        opts = { bindings: opts };
      } else if (!opts) {
        opts = {};
      }
      Object.keys(defaults).map(function(i2) {
        if (!(i2 in opts)) opts[i2] = defaults[i2];
      });
      if (!opts.module_root) {
        opts.module_root = exports.getRoot(exports.getFileName());
      }
      if (path.extname(opts.bindings) != ".node") {
        opts.bindings += ".node";
      }
      var requireFunc = typeof __webpack_require__ === "function" ? __non_webpack_require__ : __require;
      var tries = [], i = 0, l = opts.try.length, n, b, err;
      for (; i < l; i++) {
        n = join3.apply(
          null,
          opts.try[i].map(function(p) {
            return opts[p] || p;
          })
        );
        tries.push(n);
        try {
          b = opts.path ? requireFunc.resolve(n) : requireFunc(n);
          if (!opts.path) {
            b.path = n;
          }
          return b;
        } catch (e) {
          if (e.code !== "MODULE_NOT_FOUND" && e.code !== "QUALIFIED_PATH_RESOLUTION_FAILED" && !/not find/i.test(e.message)) {
            throw e;
          }
        }
      }
      err = new Error(
        "Could not locate the bindings file. Tried:\n" + tries.map(function(a) {
          return opts.arrow + a;
        }).join("\n")
      );
      err.tries = tries;
      throw err;
    }
    module.exports = exports = bindings;
    exports.getFileName = function getFileName(calling_file) {
      var origPST = Error.prepareStackTrace, origSTL = Error.stackTraceLimit, dummy = {}, fileName;
      Error.stackTraceLimit = 10;
      Error.prepareStackTrace = function(e, st) {
        for (var i = 0, l = st.length; i < l; i++) {
          fileName = st[i].getFileName();
          if (fileName !== __filename) {
            if (calling_file) {
              if (fileName !== calling_file) {
                return;
              }
            } else {
              return;
            }
          }
        }
      };
      Error.captureStackTrace(dummy);
      dummy.stack;
      Error.prepareStackTrace = origPST;
      Error.stackTraceLimit = origSTL;
      var fileSchema = "file://";
      if (fileName.indexOf(fileSchema) === 0) {
        fileName = fileURLToPath(fileName);
      }
      return fileName;
    };
    exports.getRoot = function getRoot(file) {
      var dir = dirname2(file), prev;
      while (true) {
        if (dir === ".") {
          dir = process.cwd();
        }
        if (exists(join3(dir, "package.json")) || exists(join3(dir, "node_modules"))) {
          return dir;
        }
        if (prev === dir) {
          throw new Error(
            'Could not find module root given file: "' + file + '". Do you have a `package.json` file? '
          );
        }
        prev = dir;
        dir = join3(dir, "..");
      }
    };
  }
});

// node_modules/better-sqlite3/lib/methods/wrappers.js
var require_wrappers = __commonJS({
  "node_modules/better-sqlite3/lib/methods/wrappers.js"(exports) {
    "use strict";
    var { cppdb } = require_util();
    exports.prepare = function prepare(sql) {
      return this[cppdb].prepare(sql, this, false);
    };
    exports.exec = function exec(sql) {
      this[cppdb].exec(sql);
      return this;
    };
    exports.close = function close() {
      this[cppdb].close();
      return this;
    };
    exports.loadExtension = function loadExtension(...args) {
      this[cppdb].loadExtension(...args);
      return this;
    };
    exports.defaultSafeIntegers = function defaultSafeIntegers(...args) {
      this[cppdb].defaultSafeIntegers(...args);
      return this;
    };
    exports.unsafeMode = function unsafeMode(...args) {
      this[cppdb].unsafeMode(...args);
      return this;
    };
    exports.getters = {
      name: {
        get: function name() {
          return this[cppdb].name;
        },
        enumerable: true
      },
      open: {
        get: function open() {
          return this[cppdb].open;
        },
        enumerable: true
      },
      inTransaction: {
        get: function inTransaction() {
          return this[cppdb].inTransaction;
        },
        enumerable: true
      },
      readonly: {
        get: function readonly() {
          return this[cppdb].readonly;
        },
        enumerable: true
      },
      memory: {
        get: function memory() {
          return this[cppdb].memory;
        },
        enumerable: true
      }
    };
  }
});

// node_modules/better-sqlite3/lib/methods/transaction.js
var require_transaction = __commonJS({
  "node_modules/better-sqlite3/lib/methods/transaction.js"(exports, module) {
    "use strict";
    var { cppdb } = require_util();
    var controllers = /* @__PURE__ */ new WeakMap();
    module.exports = function transaction(fn) {
      if (typeof fn !== "function") throw new TypeError("Expected first argument to be a function");
      const db = this[cppdb];
      const controller = getController(db, this);
      const { apply } = Function.prototype;
      const properties = {
        default: { value: wrapTransaction(apply, fn, db, controller.default) },
        deferred: { value: wrapTransaction(apply, fn, db, controller.deferred) },
        immediate: { value: wrapTransaction(apply, fn, db, controller.immediate) },
        exclusive: { value: wrapTransaction(apply, fn, db, controller.exclusive) },
        database: { value: this, enumerable: true }
      };
      Object.defineProperties(properties.default.value, properties);
      Object.defineProperties(properties.deferred.value, properties);
      Object.defineProperties(properties.immediate.value, properties);
      Object.defineProperties(properties.exclusive.value, properties);
      return properties.default.value;
    };
    var getController = (db, self) => {
      let controller = controllers.get(db);
      if (!controller) {
        const shared = {
          commit: db.prepare("COMMIT", self, false),
          rollback: db.prepare("ROLLBACK", self, false),
          savepoint: db.prepare("SAVEPOINT `	_bs3.	`", self, false),
          release: db.prepare("RELEASE `	_bs3.	`", self, false),
          rollbackTo: db.prepare("ROLLBACK TO `	_bs3.	`", self, false)
        };
        controllers.set(db, controller = {
          default: Object.assign({ begin: db.prepare("BEGIN", self, false) }, shared),
          deferred: Object.assign({ begin: db.prepare("BEGIN DEFERRED", self, false) }, shared),
          immediate: Object.assign({ begin: db.prepare("BEGIN IMMEDIATE", self, false) }, shared),
          exclusive: Object.assign({ begin: db.prepare("BEGIN EXCLUSIVE", self, false) }, shared)
        });
      }
      return controller;
    };
    var wrapTransaction = (apply, fn, db, { begin, commit, rollback, savepoint, release, rollbackTo }) => function sqliteTransaction() {
      let before2, after, undo;
      if (db.inTransaction) {
        before2 = savepoint;
        after = release;
        undo = rollbackTo;
      } else {
        before2 = begin;
        after = commit;
        undo = rollback;
      }
      before2.run();
      try {
        const result = apply.call(fn, this, arguments);
        if (result && typeof result.then === "function") {
          throw new TypeError("Transaction function cannot return a promise");
        }
        after.run();
        return result;
      } catch (ex) {
        if (db.inTransaction) {
          undo.run();
          if (undo !== rollback) after.run();
        }
        throw ex;
      }
    };
  }
});

// node_modules/better-sqlite3/lib/methods/pragma.js
var require_pragma = __commonJS({
  "node_modules/better-sqlite3/lib/methods/pragma.js"(exports, module) {
    "use strict";
    var { getBooleanOption, cppdb } = require_util();
    module.exports = function pragma(source, options) {
      if (options == null) options = {};
      if (typeof source !== "string") throw new TypeError("Expected first argument to be a string");
      if (typeof options !== "object") throw new TypeError("Expected second argument to be an options object");
      const simple = getBooleanOption(options, "simple");
      const stmt = this[cppdb].prepare(`PRAGMA ${source}`, this, true);
      return simple ? stmt.pluck().get() : stmt.all();
    };
  }
});

// node_modules/better-sqlite3/lib/methods/backup.js
var require_backup = __commonJS({
  "node_modules/better-sqlite3/lib/methods/backup.js"(exports, module) {
    "use strict";
    var fs = __require("fs");
    var path = __require("path");
    var { promisify } = __require("util");
    var { cppdb } = require_util();
    var fsAccess = promisify(fs.access);
    module.exports = async function backup(filename, options) {
      if (options == null) options = {};
      if (typeof filename !== "string") throw new TypeError("Expected first argument to be a string");
      if (typeof options !== "object") throw new TypeError("Expected second argument to be an options object");
      filename = filename.trim();
      const attachedName = "attached" in options ? options.attached : "main";
      const handler = "progress" in options ? options.progress : null;
      if (!filename) throw new TypeError("Backup filename cannot be an empty string");
      if (filename === ":memory:") throw new TypeError('Invalid backup filename ":memory:"');
      if (typeof attachedName !== "string") throw new TypeError('Expected the "attached" option to be a string');
      if (!attachedName) throw new TypeError('The "attached" option cannot be an empty string');
      if (handler != null && typeof handler !== "function") throw new TypeError('Expected the "progress" option to be a function');
      await fsAccess(path.dirname(filename)).catch(() => {
        throw new TypeError("Cannot save backup because the directory does not exist");
      });
      const isNewFile = await fsAccess(filename).then(() => false, () => true);
      return runBackup(this[cppdb].backup(this, attachedName, filename, isNewFile), handler || null);
    };
    var runBackup = (backup, handler) => {
      let rate = 0;
      let useDefault = true;
      return new Promise((resolve, reject) => {
        setImmediate(function step() {
          try {
            const progress = backup.transfer(rate);
            if (!progress.remainingPages) {
              backup.close();
              resolve(progress);
              return;
            }
            if (useDefault) {
              useDefault = false;
              rate = 100;
            }
            if (handler) {
              const ret = handler(progress);
              if (ret !== void 0) {
                if (typeof ret === "number" && ret === ret) rate = Math.max(0, Math.min(2147483647, Math.round(ret)));
                else throw new TypeError("Expected progress callback to return a number or undefined");
              }
            }
            setImmediate(step);
          } catch (err) {
            backup.close();
            reject(err);
          }
        });
      });
    };
  }
});

// node_modules/better-sqlite3/lib/methods/serialize.js
var require_serialize = __commonJS({
  "node_modules/better-sqlite3/lib/methods/serialize.js"(exports, module) {
    "use strict";
    var { cppdb } = require_util();
    module.exports = function serialize(options) {
      if (options == null) options = {};
      if (typeof options !== "object") throw new TypeError("Expected first argument to be an options object");
      const attachedName = "attached" in options ? options.attached : "main";
      if (typeof attachedName !== "string") throw new TypeError('Expected the "attached" option to be a string');
      if (!attachedName) throw new TypeError('The "attached" option cannot be an empty string');
      return this[cppdb].serialize(attachedName);
    };
  }
});

// node_modules/better-sqlite3/lib/methods/function.js
var require_function = __commonJS({
  "node_modules/better-sqlite3/lib/methods/function.js"(exports, module) {
    "use strict";
    var { getBooleanOption, cppdb } = require_util();
    module.exports = function defineFunction(name, options, fn) {
      if (options == null) options = {};
      if (typeof options === "function") {
        fn = options;
        options = {};
      }
      if (typeof name !== "string") throw new TypeError("Expected first argument to be a string");
      if (typeof fn !== "function") throw new TypeError("Expected last argument to be a function");
      if (typeof options !== "object") throw new TypeError("Expected second argument to be an options object");
      if (!name) throw new TypeError("User-defined function name cannot be an empty string");
      const safeIntegers = "safeIntegers" in options ? +getBooleanOption(options, "safeIntegers") : 2;
      const deterministic = getBooleanOption(options, "deterministic");
      const directOnly = getBooleanOption(options, "directOnly");
      const varargs = getBooleanOption(options, "varargs");
      let argCount = -1;
      if (!varargs) {
        argCount = fn.length;
        if (!Number.isInteger(argCount) || argCount < 0) throw new TypeError("Expected function.length to be a positive integer");
        if (argCount > 100) throw new RangeError("User-defined functions cannot have more than 100 arguments");
      }
      this[cppdb].function(fn, name, argCount, safeIntegers, deterministic, directOnly);
      return this;
    };
  }
});

// node_modules/better-sqlite3/lib/methods/aggregate.js
var require_aggregate = __commonJS({
  "node_modules/better-sqlite3/lib/methods/aggregate.js"(exports, module) {
    "use strict";
    var { getBooleanOption, cppdb } = require_util();
    module.exports = function defineAggregate(name, options) {
      if (typeof name !== "string") throw new TypeError("Expected first argument to be a string");
      if (typeof options !== "object" || options === null) throw new TypeError("Expected second argument to be an options object");
      if (!name) throw new TypeError("User-defined function name cannot be an empty string");
      const start = "start" in options ? options.start : null;
      const step = getFunctionOption(options, "step", true);
      const inverse = getFunctionOption(options, "inverse", false);
      const result = getFunctionOption(options, "result", false);
      const safeIntegers = "safeIntegers" in options ? +getBooleanOption(options, "safeIntegers") : 2;
      const deterministic = getBooleanOption(options, "deterministic");
      const directOnly = getBooleanOption(options, "directOnly");
      const varargs = getBooleanOption(options, "varargs");
      let argCount = -1;
      if (!varargs) {
        argCount = Math.max(getLength(step), inverse ? getLength(inverse) : 0);
        if (argCount > 0) argCount -= 1;
        if (argCount > 100) throw new RangeError("User-defined functions cannot have more than 100 arguments");
      }
      this[cppdb].aggregate(start, step, inverse, result, name, argCount, safeIntegers, deterministic, directOnly);
      return this;
    };
    var getFunctionOption = (options, key, required) => {
      const value = key in options ? options[key] : null;
      if (typeof value === "function") return value;
      if (value != null) throw new TypeError(`Expected the "${key}" option to be a function`);
      if (required) throw new TypeError(`Missing required option "${key}"`);
      return null;
    };
    var getLength = ({ length }) => {
      if (Number.isInteger(length) && length >= 0) return length;
      throw new TypeError("Expected function.length to be a positive integer");
    };
  }
});

// node_modules/better-sqlite3/lib/methods/table.js
var require_table = __commonJS({
  "node_modules/better-sqlite3/lib/methods/table.js"(exports, module) {
    "use strict";
    var { cppdb } = require_util();
    module.exports = function defineTable(name, factory) {
      if (typeof name !== "string") throw new TypeError("Expected first argument to be a string");
      if (!name) throw new TypeError("Virtual table module name cannot be an empty string");
      let eponymous = false;
      if (typeof factory === "object" && factory !== null) {
        eponymous = true;
        factory = defer(parseTableDefinition(factory, "used", name));
      } else {
        if (typeof factory !== "function") throw new TypeError("Expected second argument to be a function or a table definition object");
        factory = wrapFactory(factory);
      }
      this[cppdb].table(factory, name, eponymous);
      return this;
    };
    function wrapFactory(factory) {
      return function virtualTableFactory(moduleName, databaseName, tableName, ...args) {
        const thisObject = {
          module: moduleName,
          database: databaseName,
          table: tableName
        };
        const def = apply.call(factory, thisObject, args);
        if (typeof def !== "object" || def === null) {
          throw new TypeError(`Virtual table module "${moduleName}" did not return a table definition object`);
        }
        return parseTableDefinition(def, "returned", moduleName);
      };
    }
    function parseTableDefinition(def, verb, moduleName) {
      if (!hasOwnProperty.call(def, "rows")) {
        throw new TypeError(`Virtual table module "${moduleName}" ${verb} a table definition without a "rows" property`);
      }
      if (!hasOwnProperty.call(def, "columns")) {
        throw new TypeError(`Virtual table module "${moduleName}" ${verb} a table definition without a "columns" property`);
      }
      const rows = def.rows;
      if (typeof rows !== "function" || Object.getPrototypeOf(rows) !== GeneratorFunctionPrototype) {
        throw new TypeError(`Virtual table module "${moduleName}" ${verb} a table definition with an invalid "rows" property (should be a generator function)`);
      }
      let columns = def.columns;
      if (!Array.isArray(columns) || !(columns = [...columns]).every((x) => typeof x === "string")) {
        throw new TypeError(`Virtual table module "${moduleName}" ${verb} a table definition with an invalid "columns" property (should be an array of strings)`);
      }
      if (columns.length !== new Set(columns).size) {
        throw new TypeError(`Virtual table module "${moduleName}" ${verb} a table definition with duplicate column names`);
      }
      if (!columns.length) {
        throw new RangeError(`Virtual table module "${moduleName}" ${verb} a table definition with zero columns`);
      }
      let parameters;
      if (hasOwnProperty.call(def, "parameters")) {
        parameters = def.parameters;
        if (!Array.isArray(parameters) || !(parameters = [...parameters]).every((x) => typeof x === "string")) {
          throw new TypeError(`Virtual table module "${moduleName}" ${verb} a table definition with an invalid "parameters" property (should be an array of strings)`);
        }
      } else {
        parameters = inferParameters(rows);
      }
      if (parameters.length !== new Set(parameters).size) {
        throw new TypeError(`Virtual table module "${moduleName}" ${verb} a table definition with duplicate parameter names`);
      }
      if (parameters.length > 32) {
        throw new RangeError(`Virtual table module "${moduleName}" ${verb} a table definition with more than the maximum number of 32 parameters`);
      }
      for (const parameter of parameters) {
        if (columns.includes(parameter)) {
          throw new TypeError(`Virtual table module "${moduleName}" ${verb} a table definition with column "${parameter}" which was ambiguously defined as both a column and parameter`);
        }
      }
      let safeIntegers = 2;
      if (hasOwnProperty.call(def, "safeIntegers")) {
        const bool = def.safeIntegers;
        if (typeof bool !== "boolean") {
          throw new TypeError(`Virtual table module "${moduleName}" ${verb} a table definition with an invalid "safeIntegers" property (should be a boolean)`);
        }
        safeIntegers = +bool;
      }
      let directOnly = false;
      if (hasOwnProperty.call(def, "directOnly")) {
        directOnly = def.directOnly;
        if (typeof directOnly !== "boolean") {
          throw new TypeError(`Virtual table module "${moduleName}" ${verb} a table definition with an invalid "directOnly" property (should be a boolean)`);
        }
      }
      const columnDefinitions = [
        ...parameters.map(identifier).map((str) => `${str} HIDDEN`),
        ...columns.map(identifier)
      ];
      return [
        `CREATE TABLE x(${columnDefinitions.join(", ")});`,
        wrapGenerator(rows, new Map(columns.map((x, i) => [x, parameters.length + i])), moduleName),
        parameters,
        safeIntegers,
        directOnly
      ];
    }
    function wrapGenerator(generator, columnMap, moduleName) {
      return function* virtualTable(...args) {
        const output = args.map((x) => Buffer.isBuffer(x) ? Buffer.from(x) : x);
        for (let i = 0; i < columnMap.size; ++i) {
          output.push(null);
        }
        for (const row of generator(...args)) {
          if (Array.isArray(row)) {
            extractRowArray(row, output, columnMap.size, moduleName);
            yield output;
          } else if (typeof row === "object" && row !== null) {
            extractRowObject(row, output, columnMap, moduleName);
            yield output;
          } else {
            throw new TypeError(`Virtual table module "${moduleName}" yielded something that isn't a valid row object`);
          }
        }
      };
    }
    function extractRowArray(row, output, columnCount, moduleName) {
      if (row.length !== columnCount) {
        throw new TypeError(`Virtual table module "${moduleName}" yielded a row with an incorrect number of columns`);
      }
      const offset = output.length - columnCount;
      for (let i = 0; i < columnCount; ++i) {
        output[i + offset] = row[i];
      }
    }
    function extractRowObject(row, output, columnMap, moduleName) {
      let count = 0;
      for (const key of Object.keys(row)) {
        const index = columnMap.get(key);
        if (index === void 0) {
          throw new TypeError(`Virtual table module "${moduleName}" yielded a row with an undeclared column "${key}"`);
        }
        output[index] = row[key];
        count += 1;
      }
      if (count !== columnMap.size) {
        throw new TypeError(`Virtual table module "${moduleName}" yielded a row with missing columns`);
      }
    }
    function inferParameters({ length }) {
      if (!Number.isInteger(length) || length < 0) {
        throw new TypeError("Expected function.length to be a positive integer");
      }
      const params = [];
      for (let i = 0; i < length; ++i) {
        params.push(`$${i + 1}`);
      }
      return params;
    }
    var { hasOwnProperty } = Object.prototype;
    var { apply } = Function.prototype;
    var GeneratorFunctionPrototype = Object.getPrototypeOf(function* () {
    });
    var identifier = (str) => `"${str.replace(/"/g, '""')}"`;
    var defer = (x) => () => x;
  }
});

// node_modules/better-sqlite3/lib/methods/inspect.js
var require_inspect = __commonJS({
  "node_modules/better-sqlite3/lib/methods/inspect.js"(exports, module) {
    "use strict";
    var DatabaseInspection = function Database2() {
    };
    module.exports = function inspect(depth, opts) {
      return Object.assign(new DatabaseInspection(), this);
    };
  }
});

// node_modules/better-sqlite3/lib/database.js
var require_database = __commonJS({
  "node_modules/better-sqlite3/lib/database.js"(exports, module) {
    "use strict";
    var fs = __require("fs");
    var path = __require("path");
    var util = require_util();
    var SqliteError = require_sqlite_error();
    var DEFAULT_ADDON;
    function Database2(filenameGiven, options) {
      if (new.target == null) {
        return new Database2(filenameGiven, options);
      }
      let buffer;
      if (Buffer.isBuffer(filenameGiven)) {
        buffer = filenameGiven;
        filenameGiven = ":memory:";
      }
      if (filenameGiven == null) filenameGiven = "";
      if (options == null) options = {};
      if (typeof filenameGiven !== "string") throw new TypeError("Expected first argument to be a string");
      if (typeof options !== "object") throw new TypeError("Expected second argument to be an options object");
      if ("readOnly" in options) throw new TypeError('Misspelled option "readOnly" should be "readonly"');
      if ("memory" in options) throw new TypeError('Option "memory" was removed in v7.0.0 (use ":memory:" filename instead)');
      const filename = filenameGiven.trim();
      const anonymous = filename === "" || filename === ":memory:";
      const readonly = util.getBooleanOption(options, "readonly");
      const fileMustExist = util.getBooleanOption(options, "fileMustExist");
      const timeout = "timeout" in options ? options.timeout : 5e3;
      const verbose = "verbose" in options ? options.verbose : null;
      const nativeBinding = "nativeBinding" in options ? options.nativeBinding : null;
      if (readonly && anonymous && !buffer) throw new TypeError("In-memory/temporary databases cannot be readonly");
      if (!Number.isInteger(timeout) || timeout < 0) throw new TypeError('Expected the "timeout" option to be a positive integer');
      if (timeout > 2147483647) throw new RangeError('Option "timeout" cannot be greater than 2147483647');
      if (verbose != null && typeof verbose !== "function") throw new TypeError('Expected the "verbose" option to be a function');
      if (nativeBinding != null && typeof nativeBinding !== "string" && typeof nativeBinding !== "object") throw new TypeError('Expected the "nativeBinding" option to be a string or addon object');
      let addon;
      if (nativeBinding == null) {
        addon = DEFAULT_ADDON || (DEFAULT_ADDON = require_bindings()("better_sqlite3.node"));
      } else if (typeof nativeBinding === "string") {
        const requireFunc = typeof __non_webpack_require__ === "function" ? __non_webpack_require__ : __require;
        addon = requireFunc(path.resolve(nativeBinding).replace(/(\.node)?$/, ".node"));
      } else {
        addon = nativeBinding;
      }
      if (!addon.isInitialized) {
        addon.setErrorConstructor(SqliteError);
        addon.isInitialized = true;
      }
      if (!anonymous && !filename.startsWith("file:") && !fs.existsSync(path.dirname(filename))) {
        throw new TypeError("Cannot open database because the directory does not exist");
      }
      Object.defineProperties(this, {
        [util.cppdb]: { value: new addon.Database(filename, filenameGiven, anonymous, readonly, fileMustExist, timeout, verbose || null, buffer || null) },
        ...wrappers.getters
      });
    }
    var wrappers = require_wrappers();
    Database2.prototype.prepare = wrappers.prepare;
    Database2.prototype.transaction = require_transaction();
    Database2.prototype.pragma = require_pragma();
    Database2.prototype.backup = require_backup();
    Database2.prototype.serialize = require_serialize();
    Database2.prototype.function = require_function();
    Database2.prototype.aggregate = require_aggregate();
    Database2.prototype.table = require_table();
    Database2.prototype.loadExtension = wrappers.loadExtension;
    Database2.prototype.exec = wrappers.exec;
    Database2.prototype.close = wrappers.close;
    Database2.prototype.defaultSafeIntegers = wrappers.defaultSafeIntegers;
    Database2.prototype.unsafeMode = wrappers.unsafeMode;
    Database2.prototype[util.inspect] = require_inspect();
    module.exports = Database2;
  }
});

// node_modules/better-sqlite3/lib/index.js
var require_lib = __commonJS({
  "node_modules/better-sqlite3/lib/index.js"(exports, module) {
    "use strict";
    module.exports = require_database();
    module.exports.SqliteError = require_sqlite_error();
  }
});

// src/store/migrations.ts
var migrations, SCHEMA_VERSION;
var init_migrations = __esm({
  "src/store/migrations.ts"() {
    "use strict";
    migrations = [
      // 1: every table of design §3.
      `
  CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    handle TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL DEFAULT '',
    lang TEXT,
    sla_first_response_minutes INTEGER,
    sla_ceiling_minutes INTEGER,
    business_hours TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE authors (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT '',
    followers INTEGER NOT NULL DEFAULT 0,
    following INTEGER NOT NULL DEFAULT 0,
    posts INTEGER NOT NULL DEFAULT 0,
    listed INTEGER NOT NULL DEFAULT 0,
    verified INTEGER NOT NULL DEFAULT 0,
    verified_type TEXT NOT NULL DEFAULT '',
    protected INTEGER NOT NULL DEFAULT 0,
    first_seen_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX authors_username ON authors(username COLLATE NOCASE);

  CREATE TABLE mentions (
    id TEXT PRIMARY KEY,
    account_id TEXT,
    author_id TEXT NOT NULL,
    text TEXT NOT NULL,
    lang TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    conversation_id TEXT NOT NULL DEFAULT '',
    in_reply_to_user_id TEXT NOT NULL DEFAULT '',
    replied_to_id TEXT NOT NULL DEFAULT '',
    quoted_id TEXT NOT NULL DEFAULT '',
    hashtags TEXT NOT NULL DEFAULT '[]',
    metrics TEXT NOT NULL DEFAULT '{}',
    source TEXT NOT NULL,
    raw_json TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    -- derived from the post, its author and context; recomputed when X's data changes
    troll REAL,
    label TEXT CHECK (label IN ('troll', 'genuine', 'unsure')),
    complaint REAL,
    sentiment REAL,
    reach INTEGER,
    urgency INTEGER,
    priority INTEGER,
    score_json TEXT,
    scored_at TEXT,
    -- triage state: owned by agents, never touched by import or fetch
    status TEXT NOT NULL DEFAULT 'new'
      CHECK (status IN ('new', 'replied', 'dm', 'escalated', 'pending', 'resolved', 'ignored')),
    assignee TEXT,
    first_response_at TEXT,
    resolved_at TEXT,
    status_changed_at TEXT,
    version INTEGER NOT NULL DEFAULT 0
  );
  -- The queue reads these two in priority order and stops early (waiting posts, answered ones) and
  -- the recent posts by time; each carries every column the ordering needs, so no table row is read.
  CREATE INDEX mentions_waiting ON mentions(priority DESC, created_at, status, first_response_at, id)
    WHERE NOT (first_response_at IS NOT NULL OR status IN ('resolved', 'ignored'));
  CREATE INDEX mentions_answered ON mentions(priority DESC, created_at, status, first_response_at, id)
    WHERE (first_response_at IS NOT NULL OR status IN ('resolved', 'ignored'));
  CREATE INDEX mentions_created
    ON mentions(created_at, priority, status, first_response_at, id, account_id, label, lang, assignee);
  CREATE INDEX mentions_author ON mentions(author_id, created_at);
  CREATE INDEX mentions_conversation ON mentions(conversation_id);

  CREATE TABLE mention_hashtags (
    mention_id TEXT NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    author_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (mention_id, tag)
  ) WITHOUT ROWID;
  CREATE INDEX mention_hashtags_tag ON mention_hashtags(tag, created_at);

  -- posts referenced by mentions (the brand's post being answered, a quoted post): thread context
  CREATE TABLE referenced_posts (
    id TEXT PRIMARY KEY,
    author_id TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    conversation_id TEXT NOT NULL DEFAULT '',
    raw_json TEXT NOT NULL,
    fetched_at TEXT NOT NULL
  );
  CREATE INDEX referenced_posts_conversation ON referenced_posts(conversation_id);

  CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    mention_id TEXT NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN
      ('reply', 'dm', 'escalate', 'note', 'claim', 'release', 'resolve', 'ignore', 'reopen', 'followup')),
    agent TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    target TEXT NOT NULL DEFAULT '',
    remote_id TEXT,
    state TEXT NOT NULL CHECK (state IN ('done', 'pending', 'sent', 'failed', 'dry-run')),
    error TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX actions_mention ON actions(mention_id, created_at);
  CREATE INDEX actions_pending ON actions(state) WHERE state = 'pending';
  CREATE INDEX actions_created ON actions(created_at);

  CREATE TABLE followups (
    id INTEGER PRIMARY KEY,
    mention_id TEXT NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
    due_at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    agent TEXT NOT NULL DEFAULT '',
    done_at TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX followups_due ON followups(done_at, due_at);
  CREATE INDEX followups_mention ON followups(mention_id);

  CREATE TABLE sync_state (
    account_id TEXT NOT NULL,
    source TEXT NOT NULL,
    since_id TEXT,
    last_run_at TEXT,
    last_success_at TEXT,
    gaps INTEGER NOT NULL DEFAULT 0,
    last_gap_at TEXT,
    last_gap_detail TEXT,
    PRIMARY KEY (account_id, source)
  );

  CREATE TABLE api_calls (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    method TEXT NOT NULL,
    endpoint TEXT NOT NULL,
    status INTEGER,
    posts INTEGER NOT NULL DEFAULT 0,
    users INTEGER NOT NULL DEFAULT 0,
    dm_events INTEGER NOT NULL DEFAULT 0,
    cost_usd REAL NOT NULL DEFAULT 0,
    rate_remaining INTEGER,
    rate_reset_at TEXT,
    command TEXT NOT NULL DEFAULT ''
  );
  CREATE INDEX api_calls_at ON api_calls(at);

  -- short-lived named locks (one fetch at a time), with the holder and when it took the lock
  CREATE TABLE locks (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    acquired_at TEXT NOT NULL
  );
  `,
      // 2: reports (xtriage report): the first reply or DM sent per case, cases resolved in a period,
      // hashtags in a period (a period's volume and first responses read mentions_created, which covers them).
      `
  CREATE INDEX actions_responses ON actions(mention_id, created_at, agent)
    WHERE kind IN ('reply', 'dm') AND state = 'sent';
  CREATE INDEX mentions_resolved ON mentions(resolved_at, account_id, id) WHERE resolved_at IS NOT NULL;
  CREATE INDEX mention_hashtags_created ON mention_hashtags(created_at, tag, author_id);
  `,
      // 3: a cache of what reports read about the mentions created in each UTC hour (src/store/report-buckets.ts).
      // Inserts are found without a trigger on the import path: report_state holds the row counts and the
      // highest mention rowid the cache was last reconciled with (rows past it are new), and each hour keeps
      // a fingerprint (rows and rowids of its mentions, rows of its hashtags) for a full check. The triggers
      // drop an hour on every other write that could change it: updates of the columns it reads, deletes,
      // and any reply or DM logged; a delete also drops report_state. Nothing depends on config or clock.
      `
  CREATE TABLE report_buckets (
    start TEXT PRIMARY KEY,
    end TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    rowids REAL NOT NULL,
    tags INTEGER NOT NULL,
    answered INTEGER NOT NULL,
    times BLOB NOT NULL,
    details BLOB NOT NULL,
    dictionary TEXT NOT NULL,
    volume TEXT NOT NULL,
    hashtags TEXT NOT NULL
  );
  CREATE TABLE report_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    mentions INTEGER NOT NULL,
    max_rowid INTEGER NOT NULL,
    tags INTEGER NOT NULL
  );

  CREATE TRIGGER report_buckets_mention_update
  AFTER UPDATE OF id, account_id, created_at, status, label, lang, first_response_at, assignee, hashtags ON mentions
  WHEN OLD.id IS NOT NEW.id OR OLD.account_id IS NOT NEW.account_id OR OLD.created_at IS NOT NEW.created_at
    OR OLD.status IS NOT NEW.status OR OLD.label IS NOT NEW.label OR OLD.lang IS NOT NEW.lang
    OR OLD.first_response_at IS NOT NEW.first_response_at OR OLD.assignee IS NOT NEW.assignee
    OR OLD.hashtags IS NOT NEW.hashtags
  BEGIN
    DELETE FROM report_buckets WHERE start IN (
      (SELECT max(start) FROM report_buckets WHERE start <= OLD.created_at),
      (SELECT max(start) FROM report_buckets WHERE start <= NEW.created_at));
  END;
  CREATE TRIGGER report_buckets_mention_delete AFTER DELETE ON mentions
  BEGIN
    DELETE FROM report_buckets WHERE start = (SELECT max(start) FROM report_buckets WHERE start <= OLD.created_at);
    DELETE FROM report_state;
  END;

  CREATE TRIGGER report_buckets_response_insert AFTER INSERT ON actions WHEN NEW.kind IN ('reply', 'dm')
  BEGIN
    DELETE FROM report_buckets WHERE start = (SELECT max(start) FROM report_buckets
      WHERE start <= (SELECT created_at FROM mentions WHERE id = NEW.mention_id));
  END;
  CREATE TRIGGER report_buckets_response_update AFTER UPDATE ON actions
  WHEN OLD.kind IN ('reply', 'dm') OR NEW.kind IN ('reply', 'dm')
  BEGIN
    DELETE FROM report_buckets WHERE start IN (
      (SELECT max(start) FROM report_buckets WHERE start <= (SELECT created_at FROM mentions WHERE id = OLD.mention_id)),
      (SELECT max(start) FROM report_buckets WHERE start <= (SELECT created_at FROM mentions WHERE id = NEW.mention_id)));
  END;
  CREATE TRIGGER report_buckets_response_delete AFTER DELETE ON actions WHEN OLD.kind IN ('reply', 'dm')
  BEGIN
    DELETE FROM report_buckets WHERE start = (SELECT max(start) FROM report_buckets
      WHERE start <= (SELECT created_at FROM mentions WHERE id = OLD.mention_id));
  END;

  CREATE TRIGGER report_buckets_tag_update AFTER UPDATE ON mention_hashtags
  BEGIN
    DELETE FROM report_buckets WHERE start IN (
      (SELECT max(start) FROM report_buckets WHERE start <= OLD.created_at),
      (SELECT max(start) FROM report_buckets WHERE start <= NEW.created_at));
  END;
  CREATE TRIGGER report_buckets_tag_delete AFTER DELETE ON mention_hashtags
  BEGIN
    DELETE FROM report_buckets WHERE start = (SELECT max(start) FROM report_buckets WHERE start <= OLD.created_at);
    DELETE FROM report_state;
  END;
  `
    ];
    SCHEMA_VERSION = migrations.length;
  }
});

// src/store/db.ts
var db_exports = {};
__export(db_exports, {
  openDb: () => openDb,
  schemaVersion: () => schemaVersion
});
import { existsSync as existsSync2, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join as join2 } from "node:path";
function openDb(path, opts = {}) {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  let db;
  try {
    const nativeBinding = addonPath();
    db = new import_better_sqlite3.default(path, { timeout: opts.busyTimeoutMs ?? 5e3, ...nativeBinding ? { nativeBinding } : {} });
  } catch (e) {
    throw new XtriageError(`cannot open database ${path}: ${e.message}`);
  }
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    migrate(db, path);
  } catch (e) {
    db.close();
    throw fromSqliteError(e, path);
  }
  return db;
}
function addonPath() {
  try {
    const pkg = createRequire(import.meta.url).resolve("better-sqlite3/package.json");
    const addon = join2(dirname(pkg), "build", "Release", "better_sqlite3.node");
    return existsSync2(addon) ? addon : void 0;
  } catch {
    return void 0;
  }
}
function schemaVersion(db) {
  return db.pragma("user_version", { simple: true });
}
function migrate(db, path) {
  const current = schemaVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new XtriageError(
      `database ${path} has schema version ${current}, newer than this xtriage understands (${SCHEMA_VERSION})`,
      Exit.error,
      "upgrade xtriage, or point --db at another database"
    );
  }
  for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
    const step = db.transaction(() => {
      if (schemaVersion(db) >= version) return;
      db.exec(migrations[version - 1]);
      db.pragma(`user_version = ${version}`);
    });
    step.immediate();
  }
}
var import_better_sqlite3;
var init_db = __esm({
  "src/store/db.ts"() {
    "use strict";
    import_better_sqlite3 = __toESM(require_lib(), 1);
    init_errors();
    init_migrations();
  }
});

// src/core/score/priority.ts
function effectivePriority(priority, createdAt, now, sla) {
  const base = clamp(priority, 0, 100);
  const created = Date.parse(createdAt);
  if (Number.isNaN(created)) return base;
  const waited = (now.getTime() - created) / 6e4;
  if (!(waited > 0)) return base;
  const target = Math.max(1, sla.firstResponseMinutes);
  const ceiling = Math.max(target + 1, sla.ceilingMinutes);
  const boost = waited <= target ? POINTS_AT_FIRST_RESPONSE_TARGET * (waited / target) : POINTS_AT_FIRST_RESPONSE_TARGET + (MAX_WAITING_BOOST - POINTS_AT_FIRST_RESPONSE_TARGET) * Math.min(1, (waited - target) / (ceiling - target));
  return clamp(base + boost, 0, 100);
}
function clamp(value, low, high) {
  return Math.min(high, Math.max(low, value));
}
var POINTS_AT_FIRST_RESPONSE_TARGET, MAX_WAITING_BOOST;
var init_priority = __esm({
  "src/core/score/priority.ts"() {
    "use strict";
    POINTS_AT_FIRST_RESPONSE_TARGET = 10;
    MAX_WAITING_BOOST = 30;
  }
});

// src/io/time.ts
function shortAge(iso, now) {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return "";
  const seconds = Math.round((now.getTime() - t) / 1e3);
  const abs = Math.abs(seconds);
  const units = [
    [365 * 86400, "y"],
    [7 * 86400, "w"],
    [86400, "d"],
    [3600, "h"],
    [60, "m"]
  ];
  let text = `${abs}s`;
  for (const [size, unit] of units) {
    if (abs >= size) {
      text = `${Math.floor(abs / size)}${unit}`;
      break;
    }
  }
  return seconds < 0 ? `in ${text}` : text;
}
function minutesBetween(fromIso, to) {
  const t = Date.parse(fromIso);
  return Number.isNaN(t) ? 0 : Math.max(0, (to.getTime() - t) / 6e4);
}
var init_time = __esm({
  "src/io/time.ts"() {
    "use strict";
  }
});

// src/io/output.ts
function chooseFormat(io, flags) {
  const chosen = ["json", "ndjson", "csv"].filter((f) => flags[f]);
  if (chosen.length > 1)
    throw new UsageError(`choose one output format, not ${chosen.map((f) => `--${f}`).join(" and ")}`);
  return chosen[0] ?? (io.stdoutIsTTY ? "table" : "tsv");
}
function selectFields(defs, requested, defaults) {
  const byName = new Map(defs.map((d) => [d.name, d]));
  const names = requested ? requested.split(",").map((s) => s.trim()).filter(Boolean) : defaults;
  const unknown = names.filter((n) => !byName.has(n));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown field${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`,
      `available fields: ${defs.map((d) => d.name).join(", ")}`
    );
  }
  if (names.length === 0) throw new UsageError("--fields needs at least one field name");
  return names.map((n) => byName.get(n));
}
async function writeRecords(io, rows, opts) {
  const format = chooseFormat(io, opts.flags);
  const machine = format === "json" || format === "ndjson" || format === "csv";
  const fields = selectFields(opts.defs, opts.flags.fields, machine ? opts.defs.map((d) => d.name) : opts.tableFields);
  if (format === "table") return writeTable(io, rows, fields, opts.now);
  const out = new BufferedWriter(io.out);
  let count = 0;
  if (format === "csv") out.write(`${fields.map((f) => csvCell(f.name)).join(",")}\r
`);
  if (format === "json") out.write("[");
  for (const row of rows) {
    if (format === "json") out.write(`${count === 0 ? "\n" : ",\n"}${jsonRecord(row, fields)}`);
    else if (format === "ndjson") out.write(`${jsonRecord(row, fields)}
`);
    else if (format === "csv") out.write(`${fields.map((f) => csvField(f.get(row))).join(",")}\r
`);
    else out.write(`${fields.map((f) => tsvValue(f, f.get(row))).join("	")}
`);
    count++;
  }
  if (format === "json") out.write(count === 0 ? "]\n" : "\n]\n");
  out.flush();
  return count;
}
function writeJson(io, value) {
  io.out.write(`${escapeJsonForTerminal(JSON.stringify(value, null, 2))}
`);
}
function jsonRecord(row, fields) {
  const obj = {};
  for (const f of fields) obj[f.name] = f.get(row) ?? null;
  return escapeJsonForTerminal(JSON.stringify(obj));
}
function csvValue(value) {
  if (value === null || value === void 0) return "";
  if (Array.isArray(value)) return value.map((v) => typeof v === "object" ? JSON.stringify(v) : String(v)).join(",");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
function csvField(value) {
  const text = csvValue(value);
  return typeof value === "number" || typeof value === "boolean" ? text : csvCell(text);
}
function csvCell(text) {
  const safe = neutralizeCsvFormula(sanitizeText(text, "multiline"));
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
function plainValue(f, value) {
  if (value === null || value === void 0) return "";
  if (f.plain) return f.plain(value);
  if (f.kind === "list" && Array.isArray(value)) return value.map((v) => csvValue(v)).join(",");
  if (typeof value === "object") return JSON.stringify(value);
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(2);
  return String(value);
}
function tsvValue(f, value) {
  return sanitizeText(plainValue(f, value), "line");
}
async function writeTable(io, rows, fields, now) {
  const [{ default: Table }, { Chalk }] = await Promise.all([import("cli-table3"), import("chalk")]);
  const chalk = new Chalk({ level: io.colorOut ? 1 : 0 });
  const paint = (tone, text) => tone ? chalk[tone](text) : text;
  const cells = [];
  const raw = [];
  for (const row of rows) {
    const values = fields.map((f) => f.get(row));
    raw.push(values);
    cells.push(fields.map((f, i) => tableText(f, values[i], now)));
  }
  if (cells.length === 0) return 0;
  const heads = fields.map((f) => (f.header ?? f.name).toUpperCase());
  const widths = fields.map((_, i) => Math.max(heads[i].length, ...cells.map((r) => displayWidth(r[i] ?? ""))));
  const flex = fields.findIndex((f) => f.flexible);
  if (flex >= 0) {
    const padding = 2 * fields.length;
    const fixed = widths.reduce((a, w, i) => i === flex ? a : a + w, 0);
    widths[flex] = Math.max(10, Math.min(widths[flex] ?? 10, io.columns - fixed - padding - 1));
  }
  const table = new Table({
    head: heads,
    colWidths: widths.map((w) => w + 2),
    chars: borderless,
    style: { head: io.colorOut ? ["bold"] : [], border: [], "padding-left": 0, "padding-right": 2, compact: true },
    wordWrap: false
  });
  cells.forEach((r, ri) => {
    table.push(r.map((text, ci) => paint(fields[ci]?.tone?.(raw[ri]?.[ci]), text)));
  });
  io.out.write(`${table.toString()}
`);
  return cells.length;
}
function tableText(f, value, now) {
  if (f.kind === "time" && typeof value === "string") return shortAge(value, now);
  if (f.brief && value !== null && value !== void 0) return sanitizeText(f.brief(value), "line");
  return sanitizeText(plainValue(f, value), "line");
}
function displayWidth(text) {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  for (const seg of graphemes(text)) {
    const cp = seg.segment.codePointAt(0) ?? 0;
    if (cp < 32) continue;
    width += new RegExp("\\p{Extended_Pictographic}|\\p{Regional_Indicator}", "u").test(seg.segment) || isWide(cp) ? 2 : 1;
  }
  return width;
}
function graphemes(text) {
  segmenter ??= new Intl.Segmenter(void 0, { granularity: "grapheme" });
  return segmenter.segment(text);
}
function isWide(cp) {
  return cp >= 4352 && cp <= 4447 || cp >= 11904 && cp <= 42191 || cp >= 44032 && cp <= 55203 || cp >= 63744 && cp <= 64255 || cp >= 65072 && cp <= 65103 || cp >= 65280 && cp <= 65376 || cp >= 65504 && cp <= 65510;
}
var PRINTABLE_ASCII, segmenter, borderless, BufferedWriter;
var init_output = __esm({
  "src/io/output.ts"() {
    "use strict";
    init_errors();
    init_sanitize();
    init_time();
    PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
    borderless = {
      top: "",
      "top-mid": "",
      "top-left": "",
      "top-right": "",
      bottom: "",
      "bottom-mid": "",
      "bottom-left": "",
      "bottom-right": "",
      left: "",
      "left-mid": "",
      mid: "",
      "mid-mid": "",
      right: "",
      "right-mid": "",
      middle: ""
    };
    BufferedWriter = class {
      constructor(sink) {
        this.sink = sink;
      }
      sink;
      parts = [];
      size = 0;
      write(text) {
        this.parts.push(text);
        this.size += text.length;
        if (this.size >= 65536) this.flush();
      }
      flush() {
        if (this.parts.length === 0) return;
        this.sink.write(this.parts.join(""));
        this.parts = [];
        this.size = 0;
      }
    };
  }
});

// src/core/tags.ts
function tagKey(tag) {
  return tag.replace(/^#/, "").normalize("NFD").replace(new RegExp("\\p{M}", "gu"), "").toLowerCase();
}
var init_tags = __esm({
  "src/core/tags.ts"() {
    "use strict";
  }
});

// src/store/mentions.ts
function mentionsRepo(db) {
  const rawById = db.prepare("SELECT raw_json FROM mentions WHERE id = ?");
  const insert = db.prepare(`
    INSERT INTO mentions (id, account_id, author_id, text, lang, created_at, conversation_id, in_reply_to_user_id,
      replied_to_id, quoted_id, hashtags, metrics, source, raw_json, fetched_at,
      troll, label, complaint, sentiment, reach, urgency, priority, score_json, scored_at)
    VALUES (@id, @account_id, @author_id, @text, @lang, @created_at, @conversation_id, @in_reply_to_user_id,
      @replied_to_id, @quoted_id, @hashtags, @metrics, @source, @raw_json, @fetched_at,
      @troll, @label, @complaint, @sentiment, @reach, @urgency, @priority, @score_json, @fetched_at)`);
  const updateFromX = db.prepare(`
    UPDATE mentions SET text = @text, lang = @lang, created_at = @created_at, conversation_id = @conversation_id,
      in_reply_to_user_id = @in_reply_to_user_id, replied_to_id = @replied_to_id, quoted_id = @quoted_id,
      hashtags = @hashtags, metrics = @metrics, raw_json = @raw_json, fetched_at = @fetched_at,
      account_id = COALESCE(account_id, @account_id),
      troll = @troll, label = @label, complaint = @complaint, sentiment = @sentiment, reach = @reach,
      urgency = @urgency, priority = @priority, score_json = @score_json, scored_at = @fetched_at
    WHERE id = @id`);
  const deleteTags = db.prepare("DELETE FROM mention_hashtags WHERE mention_id = ?");
  const insertTag = db.prepare(
    "INSERT OR IGNORE INTO mention_hashtags (mention_id, tag, author_id, created_at) VALUES (?, ?, ?, ?)"
  );
  const tagAuthors = db.prepare(
    "SELECT count(DISTINCT author_id) AS n FROM mention_hashtags WHERE tag = ? AND created_at > ? AND created_at <= ?"
  );
  const contacts = db.prepare(
    "SELECT count(*) AS n FROM mentions WHERE author_id = ? AND created_at >= ? AND created_at < ?"
  );
  const labels = db.prepare(`
    SELECT coalesce(sum(a.kind = 'ignore' AND a.reason = 'troll'), 0) AS troll,
           coalesce(sum(a.kind IN ('reply', 'dm', 'resolve')), 0) AS genuine
    FROM actions a JOIN mentions m ON m.id = a.mention_id
    WHERE m.author_id = ? AND a.state IN ('done', 'sent')`);
  const verdicts = db.prepare(
    "SELECT EXISTS (SELECT 1 FROM actions WHERE kind IN ('ignore', 'reply', 'dm', 'resolve')) AS n"
  );
  const byId = db.prepare(`${SELECT_ROW} WHERE m.id = ?`);
  const byConversation = db.prepare(
    `${SELECT_ROW} WHERE m.conversation_id = ? ORDER BY m.created_at, m.id`
  );
  return {
    /** The stored raw JSON of a mention, or undefined when it is not stored. */
    rawJson(id) {
      return rawById.get(id)?.raw_json;
    },
    insert(m) {
      insert.run(rowParams(m));
      writeTags(m.post);
    },
    updateFromX(m) {
      updateFromX.run(rowParams(m));
      deleteTags.run(m.post.id);
      writeTags(m.post);
    },
    /** Distinct authors who used the tag in the 24 h up to `at`. */
    hashtagAuthors24h(tag, at) {
      return tagAuthors.get(tagKey(tag), hoursBefore(at, 24), at)?.n ?? 0;
    },
    /** Posts by the author in the 24 h before `at`. */
    contacts24h(authorId, at) {
      return contacts.get(authorId, hoursBefore(at, 24), at)?.n ?? 0;
    },
    /** What agents concluded about this author's past cases. */
    pastLabels(authorId) {
      return labels.get(authorId) ?? { troll: 0, genuine: 0 };
    },
    /** Whether agents have judged any case yet (replied, resolved, ignored …). */
    hasVerdicts() {
      return (verdicts.get()?.n ?? 0) === 1;
    },
    get(id) {
      return byId.get(id);
    },
    conversation(conversationId) {
      return byConversation.all(conversationId);
    },
    /** Just what ordering the queue needs, for the same filter: cheap to read in bulk. */
    listKeys(filter) {
      const { where, params } = whereClause(filter);
      const order = filter.stream?.part === "young" ? "m.created_at" : ORDER_SQL[filter.order];
      return db.prepare(
        `SELECT m.id, m.priority, m.created_at, m.first_response_at, m.status FROM mentions m${where} ORDER BY ${order}`
      ).iterate(...params);
    },
    list(filter) {
      const { where, params } = whereClause(filter);
      const limit = filter.limit && filter.limit > 0 ? ` LIMIT ${Math.floor(filter.limit)}` : "";
      const order = filter.stream?.part === "young" ? "m.created_at" : ORDER_SQL[filter.order];
      return db.prepare(`${SELECT_ROW}${where} ORDER BY ${order}${limit}`).iterate(...params);
    }
  };
  function writeTags(post) {
    for (const tag of new Set(post.hashtags.map(tagKey))) {
      insertTag.run(post.id, tag, post.authorId, post.createdAt);
    }
  }
}
function hoursBefore(iso, hours) {
  return new Date(Date.parse(iso) - hours * 36e5).toISOString();
}
function rowParams(m) {
  const p = m.post;
  const s = m.score;
  return {
    id: p.id,
    account_id: m.accountId,
    author_id: p.authorId,
    text: p.text,
    lang: p.lang,
    created_at: p.createdAt,
    conversation_id: p.conversationId,
    in_reply_to_user_id: p.inReplyToUserId,
    replied_to_id: p.repliedToId,
    quoted_id: p.quotedId,
    hashtags: JSON.stringify(p.hashtags),
    metrics: JSON.stringify(p.metrics),
    source: m.source,
    raw_json: m.raw,
    fetched_at: m.fetchedAt,
    troll: s.troll,
    label: s.label,
    complaint: s.complaint,
    sentiment: s.sentiment,
    reach: Math.round(s.reach),
    urgency: Math.round(s.urgency),
    priority: Math.round(s.priority),
    score_json: JSON.stringify({
      hashtags: s.hashtags,
      reasons: s.reasons,
      answerForAudience: s.answerForAudience,
      lang: s.lang
    })
  };
}
function whereClause(f) {
  const clauses = [];
  const params = [];
  const inList = (column, values) => {
    clauses.push(`${column} IN (${values.map(() => "?").join(", ")})`);
    params.push(...values);
  };
  if (f.statuses !== "all") inList("+m.status", f.statuses);
  if (f.labels?.length) inList("m.label", f.labels);
  if (f.langs?.length) inList("m.lang", f.langs);
  if (f.minPriority !== void 0) {
    clauses.push("m.priority >= ?");
    params.push(f.minPriority);
  }
  if (f.assignee !== void 0) {
    if (f.assignee === "none") clauses.push("m.assignee IS NULL");
    else {
      clauses.push("m.assignee = ?");
      params.push(f.assignee);
    }
  }
  if (f.since) {
    clauses.push("m.created_at >= ?");
    params.push(f.since);
  }
  if (f.stream) {
    const { part, cutoff } = f.stream;
    clauses.push(part === "answered" ? ANSWERED : `NOT ${ANSWERED}`);
    if (part !== "answered") {
      clauses.push(part === "young" ? "m.created_at >= ?" : "m.created_at < ?");
      params.push(cutoff);
    }
  }
  return { where: clauses.length ? ` WHERE ${clauses.join(" AND ")}` : "", params };
}
var STATUSES, SELECT_ROW, ORDER_SQL, ANSWERED;
var init_mentions = __esm({
  "src/store/mentions.ts"() {
    "use strict";
    init_tags();
    STATUSES = ["new", "replied", "dm", "escalated", "pending", "resolved", "ignored"];
    SELECT_ROW = `
  SELECT m.id, m.account_id, m.author_id, a.username, a.name AS author_name, a.followers, a.verified,
         m.text, m.lang, m.created_at, m.conversation_id, m.in_reply_to_user_id, m.replied_to_id, m.quoted_id,
         m.hashtags, m.metrics, m.source, m.troll, m.label, m.complaint, m.sentiment, m.reach, m.urgency,
         m.priority, m.score_json, m.status, m.assignee, m.first_response_at, m.resolved_at, m.fetched_at
  FROM mentions m LEFT JOIN authors a ON a.id = m.author_id`;
    ORDER_SQL = {
      priority: "m.priority DESC, m.created_at ASC",
      newest: "m.created_at DESC",
      oldest: "m.created_at ASC",
      reach: "m.reach DESC, m.created_at ASC",
      urgency: "m.urgency DESC, m.created_at ASC"
    };
    ANSWERED = "(m.first_response_at IS NOT NULL OR m.status IN ('resolved', 'ignored'))";
  }
});

// src/commands/mention-fields.ts
function scoreExtras(row) {
  if (!row.score_json) return {};
  try {
    return JSON.parse(row.score_json);
  } catch {
    return {};
  }
}
function postUrl(row) {
  return `https://x.com/${row.username || "i/web"}/status/${row.id}`;
}
function signed(weight) {
  const w = Math.abs(weight) < 1 ? weight.toFixed(2) : String(Math.round(weight));
  return weight >= 0 ? `+${w}` : w;
}
function withoutLeadingMentions(text) {
  const rest = text.replace(/^(?:\s*@\w{1,15}\b)+[\s,:]*/u, "");
  return rest || text;
}
function tableFieldsFor(columns) {
  return columns < 100 ? narrowTableMentionFields : tableMentionFields;
}
var round2, labelTone, levelTone, slaTone, mentionFields, tableMentionFields, narrowTableMentionFields;
var init_mention_fields = __esm({
  "src/commands/mention-fields.ts"() {
    "use strict";
    round2 = (v) => v === null ? null : Math.round(v * 100) / 100;
    labelTone = (v) => v === "troll" ? "red" : v === "unsure" ? "yellow" : v === "genuine" ? "green" : void 0;
    levelTone = (v) => typeof v === "number" ? v >= 70 ? "red" : v >= 40 ? "yellow" : "dim" : void 0;
    slaTone = (v) => v === "breached" ? "red" : v === "due" ? "yellow" : void 0;
    mentionFields = [
      { name: "priority", header: "pri", kind: "number", get: (r) => Math.round(r.effective_priority), tone: levelTone },
      { name: "id", get: (r) => r.id },
      { name: "age", kind: "time", get: (r) => r.created_at },
      { name: "created_at", get: (r) => r.created_at },
      { name: "author", get: (r) => r.username ? `@${r.username}` : r.author_id },
      { name: "author_id", get: (r) => r.author_id },
      { name: "name", get: (r) => r.author_name ?? "" },
      { name: "followers", kind: "number", get: (r) => r.followers ?? 0 },
      { name: "verified", get: (r) => r.verified === 1 },
      { name: "label", get: (r) => r.label, tone: labelTone },
      { name: "troll", kind: "number", get: (r) => round2(r.troll) },
      { name: "complaint", kind: "number", get: (r) => round2(r.complaint) },
      { name: "sentiment", kind: "number", get: (r) => round2(r.sentiment) },
      { name: "reach", kind: "number", get: (r) => r.reach },
      { name: "urgency", header: "urg", kind: "number", get: (r) => r.urgency, tone: levelTone },
      { name: "base_priority", kind: "number", get: (r) => r.priority },
      { name: "status", get: (r) => r.status },
      { name: "assignee", get: (r) => r.assignee },
      { name: "sla", get: (r) => r.sla_state, tone: slaTone },
      { name: "waiting_minutes", kind: "number", get: (r) => Math.round(r.waiting_minutes) },
      { name: "lang", get: (r) => r.lang },
      { name: "hashtags", kind: "list", get: (r) => JSON.parse(r.hashtags) },
      {
        name: "reasons",
        kind: "list",
        get: (r) => (scoreExtras(r).reasons ?? []).map((x) => ({ field: x.field, weight: x.weight, text: x.text })),
        plain: (v) => v.map((x) => `${x.field} ${signed(x.weight)}: ${x.text}`).join("; ")
      },
      { name: "source", get: (r) => r.source },
      { name: "conversation_id", get: (r) => r.conversation_id },
      { name: "url", get: (r) => postUrl(r) },
      { name: "text", get: (r) => r.text, brief: (v) => withoutLeadingMentions(String(v)), flexible: true }
    ];
    tableMentionFields = ["priority", "age", "id", "author", "label", "urgency", "sla", "text"];
    narrowTableMentionFields = ["priority", "age", "id", "author", "text"];
  }
});

// src/commands/options.ts
function addOutputOptions(cmd, withFields = true) {
  cmd.option("--json", "print JSON").option("--ndjson", "print one JSON object per line").option("--csv", "print CSV (cells starting with = + - @ are made inert)");
  if (withFields) cmd.option("--fields <names>", "comma-separated fields to print (--fields help lists them)");
  return cmd;
}
function outputFlags(opts) {
  return {
    json: opts.json === true,
    ndjson: opts.ndjson === true,
    csv: opts.csv === true,
    ...typeof opts.fields === "string" ? { fields: opts.fields } : {}
  };
}
function parseInteger(name, min, max = Number.MAX_SAFE_INTEGER) {
  return (value) => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || n < min || n > max) {
      throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}`);
    }
    return n;
  };
}
function splitList(value) {
  return value.split(",").map((s) => s.trim()).filter(Boolean);
}
function parseSince(value, now, flag = "--since") {
  const m = DURATION.exec(value.trim());
  if (m) return new Date(now.getTime() - Number(m[1]) * UNIT_MS[m[2].toLowerCase()]).toISOString();
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new UsageError(`${flag} takes a duration like 24h or 7d, or a date like 2026-11-01`);
  return new Date(t).toISOString();
}
function examples(lines) {
  return `
Examples:
${lines.map((l) => `  ${l}`).join("\n")}
`;
}
function act(ctx, run) {
  return async (...args) => {
    ctx.exitCode = await run(...args);
  };
}
var DURATION, UNIT_MS;
var init_options = __esm({
  "src/commands/options.ts"() {
    "use strict";
    init_esm();
    init_errors();
    init_sanitize();
    DURATION = /^(\d+)\s*(m|min|h|d|w)$/i;
    UNIT_MS = { m: 6e4, min: 6e4, h: 36e5, d: 864e5, w: 6048e5 };
  }
});

// src/commands/list.ts
var list_exports = {};
__export(list_exports, {
  byEffectivePriority: () => byEffectivePriority,
  register: () => register,
  runList: () => runList
});
function register(program2, ctx) {
  const cmd = program2.command("list").alias("queue").summary("list the queue, most important first").description(
    "List mentions, by default the open queue (status new or pending) ordered by priority. Priority\nrises while a post waits against the SLA. A table on a terminal (50 rows unless --limit),\ntab-separated values when piped (all rows unless --limit), or --json / --ndjson / --csv."
  ).option("--status <list>", `statuses, comma-separated, or all (${STATUSES.join(", ")})`).option("--label <list>", "troll, genuine or unsure, comma-separated").option("--lang <list>", "language codes, comma-separated (es,en)").option("--min-priority <n>", "only priority at least n (0-100)", parseInteger("--min-priority", 0, 100)).option("--assignee <agent>", "only cases claimed by this agent (none: unclaimed)").option("--since <when>", "only posts newer than 24h, 7d \u2026 or a date").option("--limit <n>", "at most n rows (0: no limit)", parseInteger("--limit", 0)).option("--sort <order>", `${SORTS.join(" | ")} (default priority)`);
  addOutputOptions(cmd).addHelpText(
    "after",
    examples([
      "xtriage list",
      "xtriage queue --label genuine --min-priority 60",
      "xtriage list --status all --since 24h --ndjson | jq -r .id",
      "xtriage list --fields priority,id,reasons --json",
      "xtriage list --csv --status all > mentions.csv"
    ])
  ).action(act(ctx, (opts) => runList(ctx, opts)));
}
async function runList(ctx, opts) {
  const now = ctx.now();
  const flags = outputFlags(opts);
  if (flags.fields === "help") {
    ctx.io.out.write(`${mentionFields.map((f) => f.name).join("\n")}
`);
    return 0;
  }
  const filter = buildFilter(opts, now);
  const machine = flags.json || flags.ndjson || flags.csv || !ctx.io.stdoutIsTTY;
  const limit = opts.limit ?? (machine ? 0 : TABLE_LIMIT);
  const [db, config] = await Promise.all([ctx.db(), ctx.config()]);
  const repo = mentionsRepo(db);
  const sla = config.sla;
  const min = opts.minPriority;
  const sqlFilter = min === void 0 ? filter : { ...filter, minPriority: Math.max(0, min - MAX_WAITING_BOOST) };
  const rows = filter.order === "priority" ? byEffectivePriority(repo, sqlFilter, sla, now, limit, min ?? 0) : take(
    atLeast(viewAll(repo.list({ ...sqlFilter, ...min === void 0 ? { limit } : {} }), sla, now), min ?? 0),
    limit
  );
  const shown = await writeRecords(ctx.io, rows, {
    defs: mentionFields,
    flags,
    tableFields: tableFieldsFor(ctx.io.columns),
    now
  });
  if (shown === 0 && ctx.io.stdoutIsTTY && !ctx.io.quiet) ctx.io.err.write("no mentions match\n");
  if (!machine && shown === limit && limit > 0 && !ctx.io.quiet) {
    ctx.io.err.write(`showing the first ${limit}; --limit 0 shows all
`);
  }
  return 0;
}
function buildFilter(opts, now) {
  const sort = opts.sort ?? "priority";
  if (!SORTS.includes(sort)) throw new UsageError(`--sort must be one of ${SORTS.join(", ")}`);
  const labels = opts.label ? splitList(opts.label) : void 0;
  const badLabel = labels?.find((l) => !LABELS.includes(l));
  if (badLabel) throw new UsageError(`unknown label: ${badLabel}`, `labels: ${LABELS.join(", ")}`);
  return {
    statuses: parseStatuses(opts.status),
    ...labels ? { labels } : {},
    ...opts.lang ? { langs: splitList(opts.lang) } : {},
    ...opts.assignee ? { assignee: opts.assignee } : {},
    ...opts.since ? { since: parseSince(opts.since, now) } : {},
    order: sort
  };
}
function parseStatuses(value) {
  if (!value) return OPEN;
  if (value === "all") return "all";
  const list = splitList(value);
  const unknown = list.filter((s) => !STATUSES.includes(s));
  if (unknown.length > 0) {
    throw new UsageError(`unknown status: ${unknown.join(", ")}`, `statuses: ${STATUSES.join(", ")}, or all`);
  }
  return list;
}
function rank(key, sla, now) {
  const answered = key.first_response_at !== null || key.status === "resolved" || key.status === "ignored";
  return {
    key,
    answered,
    waiting: answered ? 0 : minutesBetween(key.created_at, now),
    effective: answered ? key.priority ?? 0 : effectivePriority(key.priority ?? 0, key.created_at, now, sla)
  };
}
function toView(row, sla, now, r = rank(row, sla, now)) {
  return {
    ...row,
    effective_priority: r.effective,
    waiting_minutes: r.waiting,
    sla_state: r.answered ? "answered" : r.waiting >= sla.ceilingMinutes ? "breached" : r.waiting >= sla.firstResponseMinutes ? "due" : "ok"
  };
}
function* viewAll(rows, sla, now) {
  for (const row of rows) yield toView(row, sla, now);
}
function* ranks(keys, sla, now, min) {
  for (const key of keys) {
    const r = rank(key, sla, now);
    if (Math.round(r.effective) >= min) yield r;
  }
}
function* atLeast(rows, min) {
  for (const row of rows) if (Math.round(row.effective_priority) >= min) yield row;
}
function* take(rows, limit) {
  let n = 0;
  for (const row of rows) {
    if (limit > 0 && n++ >= limit) return;
    yield row;
  }
}
function* byEffectivePriority(repo, filter, sla, now, limit, min) {
  let order;
  if (boostSaturates(sla, now)) {
    const cutoff = new Date(now.getTime() - sla.ceilingMinutes * 6e4).toISOString();
    const part = (name) => ranks(repo.listKeys({ ...filter, stream: { part: name, cutoff } }), sla, now, min);
    const young = [...part("young")].sort(before);
    order = mergeSorted([young[Symbol.iterator](), part("waiting"), part("answered")], limit);
  } else {
    order = [...ranks(repo.listKeys(filter), sla, now, min)].sort(before).slice(0, limit || void 0);
  }
  for (const r of order) {
    const row = repo.get(r.key.id);
    if (row) yield toView(row, sla, now, r);
  }
}
function* mergeSorted(streams, limit) {
  const heads = streams.map((s) => s.next());
  for (let emitted = 0; limit === 0 || emitted < limit; emitted++) {
    let best = -1;
    heads.forEach((h, i) => {
      if (!h.done && (best === -1 || before(h.value, heads[best].value) < 0)) {
        best = i;
      }
    });
    if (best === -1) return;
    yield heads[best].value;
    heads[best] = streams[best].next();
  }
  for (const s of streams) s.return?.(void 0);
}
function boostSaturates(sla, now) {
  const atCeiling = new Date(now.getTime() - sla.ceilingMinutes * 6e4).toISOString();
  const muchLater = new Date(now.getTime() - sla.ceilingMinutes * 6e4 * 10 - 864e5).toISOString();
  return [0, 33, 67, 100].every(
    (p) => effectivePriority(p, atCeiling, now, sla) === effectivePriority(p, muchLater, now, sla)
  );
}
var SORTS, LABELS, OPEN, TABLE_LIMIT, before;
var init_list = __esm({
  "src/commands/list.ts"() {
    "use strict";
    init_priority();
    init_errors();
    init_output();
    init_time();
    init_mentions();
    init_mention_fields();
    init_options();
    SORTS = ["priority", "newest", "oldest", "reach", "urgency"];
    LABELS = ["troll", "genuine", "unsure"];
    OPEN = ["new", "pending"];
    TABLE_LIMIT = 50;
    before = (a, b) => b.effective - a.effective || (b.key.priority ?? 0) - (a.key.priority ?? 0) || a.key.created_at.localeCompare(b.key.created_at);
  }
});

// src/commands/config.ts
var config_exports2 = {};
__export(config_exports2, {
  register: () => register2
});
function register2(program2, ctx) {
  const config = program2.command("config").summary("where the config and database live, and what the config says").addHelpText(
    "after",
    examples(["xtriage config path", '$EDITOR "$(xtriage config path)"', "xtriage config show --json"])
  );
  config.command("path").description("print the config file path in use (it may not exist yet), or the database path with --db-path").option("--db-path", "print the database path instead").action(
    act(ctx, async (opts) => {
      if (opts.dbPath) {
        ctx.io.out.write(`${await ctx.dbPath()}
`);
        return 0;
      }
      const { resolveConfigPath: resolveConfigPath2 } = await Promise.resolve().then(() => (init_config(), config_exports));
      ctx.io.out.write(`${resolveConfigPath2(globalsConfig(program2), ctx.env).path}
`);
      return 0;
    })
  );
  config.command("show").description("check the config file and print the settings in effect").option("--json", "print as JSON").action(
    act(ctx, async (opts) => {
      const cfg = await ctx.config();
      if (opts.json) writeJson(ctx.io, cfg);
      else {
        const yaml = await import("yaml");
        ctx.io.out.write((yaml.stringify ?? yaml.default.stringify)(cfg));
      }
      return 0;
    })
  );
}
function globalsConfig(program2) {
  return program2.opts().config;
}
var init_config2 = __esm({
  "src/commands/config.ts"() {
    "use strict";
    init_output();
    init_options();
  }
});

// src/cli.ts
init_esm();

// src/context.ts
init_errors();

// src/io/prompter.ts
init_errors();

// src/io/iostreams.ts
function decideColor(isTTY, env, noColorFlag = false) {
  if (noColorFlag) return false;
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR ?? (env.CLICOLOR_FORCE && env.CLICOLOR_FORCE !== "0" ? "1" : void 0);
  if (force !== void 0 && force !== "") return force !== "0" && force !== "false";
  if (env.TERM === "dumb") return false;
  return isTTY;
}
function systemIO(flags = {}, env = process.env) {
  process.stdout.on("error", (e) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
  const stdoutIsTTY = process.stdout.isTTY === true;
  const stderrIsTTY = process.stderr.isTTY === true;
  return {
    in: process.stdin,
    out: process.stdout,
    err: process.stderr,
    stdinIsTTY: process.stdin.isTTY === true,
    stdoutIsTTY,
    stderrIsTTY,
    colorOut: decideColor(stdoutIsTTY, env, flags.noColor),
    colorErr: decideColor(stderrIsTTY, env, flags.noColor),
    columns: process.stdout.columns || Number(env.COLUMNS) || 80,
    noInput: flags.noInput === true || Boolean(env.XTRIAGE_NO_INPUT),
    quiet: flags.quiet === true,
    verbose: flags.verbose === true
  };
}

// src/io/prompter.ts
init_sanitize();
function terminalPrompter(io) {
  return {
    async confirm(message, defaultAnswer = false) {
      const { default: confirm } = await import("@inquirer/confirm");
      return confirm({ message, default: defaultAnswer }, { input: io.in, output: io.err });
    }
  };
}

// src/context.ts
function clockFromEnv(env) {
  const pinned = env.XTRIAGE_NOW;
  if (!pinned) return () => /* @__PURE__ */ new Date();
  const t = Date.parse(pinned);
  if (Number.isNaN(t)) throw new UsageError(`XTRIAGE_NOW is not a date: ${pinned}`);
  return () => new Date(t);
}
function createContext(io, globals, env) {
  let db;
  let config;
  let sandbox;
  let client;
  let spent = 0;
  const prompter = terminalPrompter(io);
  const ctx = {
    io,
    env,
    now: clockFromEnv(env),
    async dbPath() {
      const { resolveDbPath: resolveDbPath2 } = await Promise.resolve().then(() => (init_config(), config_exports));
      return resolveDbPath2(globals().db, env);
    },
    async db() {
      if (!db) {
        const [{ openDb: openDb2 }, path] = await Promise.all([Promise.resolve().then(() => (init_db(), db_exports)), ctx.dbPath()]);
        const busy = Number(env.XTRIAGE_BUSY_TIMEOUT_MS);
        db ??= openDb2(path, Number.isFinite(busy) && busy >= 0 ? { busyTimeoutMs: busy } : {});
      }
      return db;
    },
    config() {
      config ??= Promise.resolve().then(() => (init_config(), config_exports)).then((m) => m.loadConfig(globals().config, env));
      return config;
    },
    agent() {
      return globals().agent || env.XTRIAGE_AGENT || env.USER || env.LOGNAME || "agent";
    },
    async xEnv() {
      if (!globals().sandbox) return env;
      sandbox ??= import("./sandbox/server.js").then((m) => m.startSandbox({ port: 0 }));
      const box = await sandbox;
      return { ...stripCredentials(env), ...box.env() };
    },
    x(options = {}) {
      client ??= buildClient(ctx, options, (usd) => {
        spent += usd;
      });
      return client;
    },
    spentUsd: () => spent,
    prompter: () => prompter,
    commandName: "",
    exitCode: 0,
    async close() {
      db?.close();
      db = void 0;
      if (sandbox) await (await sandbox).close();
      sandbox = void 0;
    }
  };
  return ctx;
}
function stripCredentials(env) {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !/^(X_|TWITTER_)/.test(k)));
}
async function buildClient(ctx, options, addSpent) {
  const [
    xEnv,
    db,
    config,
    { resolveCredentials },
    { estimateCost },
    { ledgerRepo },
    { readCredentialFile, saveRotatedOAuth2Tokens }
  ] = await Promise.all([
    ctx.xEnv(),
    ctx.db(),
    ctx.config(),
    import("./x/credentials.js"),
    import("./x/cost.js"),
    import("./store/sync.js"),
    import("./credential-file.js")
  ]);
  const credentials = resolveCredentials(xEnv, readCredentialFile(xEnv));
  const ledger = ledgerRepo(db);
  const { createXClient } = await import("./x/twitter.js");
  const userContext = credentials.kind === "oauth1" || credentials.kind === "oauth2-user";
  return createXClient({
    credentials,
    ...xEnv.X_API_BASE_URL ? { baseUrl: xEnv.X_API_BASE_URL } : {},
    retry: { maxWaitSeconds: options.maxWaitSeconds ?? 120 },
    ...Number(xEnv.XTRIAGE_X_TIMEOUT_MS) > 0 ? { timeoutMs: Number(xEnv.XTRIAGE_X_TIMEOUT_MS) } : {},
    onWait: (w) => {
      if (ctx.io.quiet) return;
      const seconds = Math.ceil(w.delayMs / 1e3);
      ctx.io.err.write(
        w.reason === "rate-limit" ? `X rate limit reached: waiting ${seconds} s for the window to reset
` : `X did not answer (${w.error.message}): retrying in ${seconds} s
`
      );
    },
    onTokenRefresh: (tokens) => {
      if (!saveRotatedOAuth2Tokens(xEnv, tokens) && !ctx.io.quiet) {
        ctx.io.err.write(
          "X rotated the OAuth 2.0 tokens; they come from the environment, so save the new ones there (or keep them in the 0600 credentials file, which xtriage updates itself)\n"
        );
      }
    },
    onCall: (r) => {
      const cost = estimateCost(r.endpoint, r.resources, { prices: config.prices, ownedRead: userContext });
      addSpent(cost);
      const [method, endpoint] = r.endpoint.split(" ", 2);
      ledger.add({
        at: ctx.now().toISOString(),
        method: method ?? "",
        endpoint: endpoint ?? r.endpoint,
        status: r.status,
        posts: r.resources.posts,
        users: r.resources.users,
        dm_events: r.resources.dmEvents,
        cost_usd: cost,
        rate_remaining: r.rateLimit?.remaining ?? null,
        rate_reset_at: r.rateLimit ? new Date(r.rateLimit.reset * 1e3).toISOString() : null,
        command: ctx.commandName
      });
    }
  });
}

// src/cli.ts
init_errors();
init_sanitize();
var VERSION = true ? "x" : "0.0.0-dev";
var ROOT_HELP = `
Environment:
  XTRIAGE_DB       database file (default $XDG_DATA_HOME/xtriage/xtriage.db)
  XTRIAGE_CONFIG   config file (default $XDG_CONFIG_HOME/xtriage/config.yaml)
  XTRIAGE_AGENT    your agent name, as on actions and claims
  X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN, X_ACCESS_SECRET   OAuth 1.0a user context
  X_OAUTH2_ACCESS_TOKEN (+ X_OAUTH2_REFRESH_TOKEN)            OAuth 2.0 user token
  X_API_BEARER_TOKEN   app-only, reads only (TWITTER_* names accepted too)
  X_API_BASE_URL   another X API base (a sandbox)
  NO_COLOR         no colour; also TERM=dumb or --no-color

Output: a table on a terminal, tab-separated when piped, --json, --ndjson or --csv.

Exit codes:
  0 ok \xB7 1 error \xB7 2 usage \xB7 3 not found \xB7 4 auth or permission
  5 try later (rate limit, budget, usage cap, database busy)
  6 conflict (already handled, claimed by another) \xB7 7 attention (for cron) \xB7 130 interrupted

Examples:
  xtriage --sandbox fetch          # no X account needed: the bundled scenario
  xtriage fetch --no-wait          # from cron
  xtriage import mentions.jsonl
  xtriage list
  xtriage show 1861234567890123456
  xtriage list --ndjson | jq -r 'select(.urgency > 70) | .id'
`;
var COMMANDS = {
  fetch: () => import("./commands/fetch.js"),
  import: () => import("./commands/import.js"),
  list: () => Promise.resolve().then(() => (init_list(), list_exports)),
  show: () => import("./commands/show.js"),
  score: () => import("./commands/score.js"),
  cost: () => import("./commands/cost.js"),
  auth: () => import("./commands/auth.js"),
  sandbox: () => import("./commands/sandbox.js"),
  config: () => Promise.resolve().then(() => (init_config2(), config_exports2)),
  reply: () => import("./commands/reply.js"),
  dm: () => import("./commands/dm.js"),
  escalate: () => import("./commands/escalate.js"),
  note: () => import("./commands/note.js"),
  claim: () => import("./commands/claim.js"),
  release: () => import("./commands/claim.js"),
  next: () => import("./commands/claim.js"),
  followup: () => import("./commands/followup.js"),
  resolve: () => import("./commands/resolve.js"),
  ignore: () => import("./commands/resolve.js"),
  reopen: () => import("./commands/resolve.js"),
  outbox: () => import("./commands/outbox.js"),
  user: () => import("./commands/user.js"),
  templates: () => import("./commands/templates.js"),
  forget: () => import("./commands/forget.js"),
  report: () => import("./commands/report.js"),
  triage: () => import("./commands/triage.js")
};
var ALIASES = { queue: "list" };
var VALUE_OPTIONS = /* @__PURE__ */ new Set(["--db", "--config", "--agent"]);
function commandName(argv) {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith("-")) return arg;
  }
  return void 0;
}
async function loadCommands(argv) {
  const given = commandName(argv);
  const named = given ? ALIASES[given] ?? given : void 0;
  const loaders = named && COMMANDS[named] ? [COMMANDS[named]] : Object.values(COMMANDS);
  return Promise.all(loaders.map((load) => load()));
}
function buildProgram(ctx, io, commands) {
  const program2 = new Command("xtriage");
  program2.description("A care desk for answering a brand's customers on X, from the terminal.").version(VERSION, "-V, --version", "print the version").option("--db <path>", "database file (env XTRIAGE_DB)").option("--config <path>", "config file (env XTRIAGE_CONFIG)").option("--agent <name>", "who is acting (env XTRIAGE_AGENT)").option("--sandbox", "talk to a local sandbox X API with the bundled scenario instead of X").option("--no-input", "never prompt; fail and name the missing flag instead").option("--no-color", "no colour (also NO_COLOR=1 or TERM=dumb)").option("-q, --quiet", "only errors on stderr").option("--verbose", "more detail on stderr, stack traces on errors").addHelpText("after", ROOT_HELP).showHelpAfterError("(run with --help for usage)").exitOverride().configureOutput({
    writeOut: (s) => io.out.write(s),
    writeErr: (s) => io.err.write(s),
    outputError: (s, write) => write(s.startsWith("error:") ? `xtriage: ${s.slice(7)}` : s)
  });
  for (const c of commands) c.register(program2, ctx);
  for (const sub of program2.commands) inheritSettings(sub);
  return program2;
}
function inheritSettings(cmd) {
  cmd.exitOverride().showHelpAfterError("(run with --help for usage)");
  for (const sub of cmd.commands) inheritSettings(sub);
}
async function runCli(argv, io, env) {
  let program2;
  const ctx = createContext(io, () => program2?.opts() ?? {}, env);
  let code = Exit.ok;
  try {
    program2 = buildProgram(ctx, io, await loadCommands(argv));
    program2.hook("preAction", (_root, action) => {
      ctx.commandName = action.name();
    });
    await program2.parseAsync(argv, { from: "user" });
    if (argv.length === 0) program2.outputHelp();
    code = ctx.exitCode;
  } catch (e) {
    code = reportError(io, fromSqliteError(e, "the database"));
  } finally {
    await ctx.close();
  }
  return code;
}
function reportError(io, e) {
  if (e instanceof CommanderError) {
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") {
      return Exit.ok;
    }
    return Exit.usage;
  }
  if (e instanceof XtriageError) {
    io.err.write(`xtriage: ${sanitizeText(e.message)}
`);
    if (e.hint) io.err.write(`  ${sanitizeText(e.hint)}
`);
    if (io.verbose && e.stack) io.err.write(`${e.stack}
`);
    return e.exitCode;
  }
  const err = e;
  io.err.write(`xtriage: unexpected error: ${sanitizeText(err?.message ?? String(e))}
`);
  if (io.verbose && err?.stack) io.err.write(`${err.stack}
`);
  else io.err.write("  run again with --verbose for details\n");
  return Exit.error;
}

// src/main.ts
init_errors();
function streamFlags(argv) {
  const end = argv.indexOf("--");
  const args = end === -1 ? argv : argv.slice(0, end);
  return {
    noColor: args.includes("--no-color"),
    noInput: args.includes("--no-input"),
    quiet: args.includes("--quiet") || args.includes("-q"),
    verbose: args.includes("--verbose")
  };
}
async function main() {
  const argv = process.argv.slice(2);
  const io = systemIO(streamFlags(argv));
  process.on("SIGINT", () => {
    io.err.write("\ninterrupted\n");
    process.exit(Exit.interrupted);
  });
  process.exitCode = await runCli(argv, io, process.env);
}
await main();
