// bpmnlint resolves "aiact/<rule>" to bpmnlint-plugin-aiact/rules/<rule>.js; the config lists them
// for anyone who extends "plugin:aiact/recommended".
module.exports = {
  configs: {
    recommended: {
      rules: {
        'aiact/no-generated-ids': 'error',
        'aiact/name-required': 'error'
      }
    }
  }
};
