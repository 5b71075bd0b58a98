// Prints the public surface of LexEdi.dll as JSON (for tools/surface/check.py): every public
// type of the LexEdi namespace and its public methods, as `Type.Method`.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

static class Reflect
{
    static string Q(string s) { return "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\""; }

    static int Main(string[] args)
    {
        var asm = Assembly.LoadFrom(args[0]);
        var types = new SortedSet<string>();
        var members = new SortedSet<string>();
        foreach (var t in asm.GetExportedTypes())
        {
            if (t.Namespace != "LexEdi" || t.IsNested) continue;
            types.Add(t.Name);
            var flags = BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
            foreach (var m in t.GetMethods(flags))
            {
                if (m.IsSpecialName) continue; // property accessors, operators
                members.Add(t.Name + "." + m.Name);
            }
        }
        Console.WriteLine("{\"types\":[" + string.Join(",", types.Select(Q)) + "],\"members\":["
            + string.Join(",", members.Select(Q)) + "]}");
        return 0;
    }
}
